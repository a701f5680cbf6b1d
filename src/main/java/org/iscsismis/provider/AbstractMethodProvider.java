package org.iscsismis.provider;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.ObjectPath;

/** A {@link MethodProvider} that answers CIM_ERR_NOT_SUPPORTED for every method. */
public abstract class AbstractMethodProvider implements MethodProvider {

    @Override
    public MethodResult invokeMethod(ProviderContext context, ObjectPath target, CimName methodName, MethodArguments in) {
        throw AbstractInstanceProvider.notSupported("Method " + methodName, target.className());
    }
}
