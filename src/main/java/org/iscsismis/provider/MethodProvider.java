package org.iscsismis.provider;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;

/**
 * Runs the extrinsic methods of the classes it is registered for. Extend
 * {@link AbstractMethodProvider}.
 *
 * <p><b>What the dispatcher has already done:</b> the namespace exists; the target's class exists
 * and is served by this provider; the method is declared by that class (METHOD_NOT_FOUND
 * otherwise); every supplied IN parameter is declared with In, and its value is converted to the
 * declared type — scalars, arrays, references (namespace set, of the declared reference class) and
 * embedded instances (of the class named by EmbeddedInstance) — or the call fails with
 * INVALID_PARAMETER without reaching the provider. An instance target's path carries exactly the
 * class's keys, typed, with namespace and no host.
 *
 * <p><b>What the provider must check:</b> that an instance target exists (NOT_FOUND), that required
 * parameters are present and their values acceptable (answer with a method return code such as
 * 5 "Invalid Parameter", or INVALID_PARAMETER), and that the method can run now
 * (METHOD_NOT_AVAILABLE). Method-level outcomes travel in the return value, not as CIM errors.
 *
 * <p><b>What the dispatcher does afterwards:</b> converts the return value and each OUT parameter to
 * its declared type (so a provider may return, say, a {@code long} 0 as uint64 for a uint32
 * method); an undeclared OUT parameter or a value that does not fit is CIM_ERR_FAILED naming the
 * provider. Called concurrently from many threads.
 */
public interface MethodProvider extends Provider {

    /**
     * @param target     an instance path, or a class path for a static method
     * @param methodName the method, spelled as declared
     * @param in         the supplied IN parameters, typed
     */
    MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in);
}
