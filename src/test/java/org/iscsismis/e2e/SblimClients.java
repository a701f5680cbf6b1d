package org.iscsismis.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** The SBLIM CIM Client for Java (JSR 48) connected to a running server: our independent witness. */
final class SblimClients {

    private SblimClients() {
    }

    static WBEMClient connect(URI serverUrl) {
        return connect(serverUrl, "", "");
    }

    /** A client sending HTTP Basic credentials. */
    static WBEMClient connect(URI serverUrl, String user, String password) {
        try {
            WBEMClient client = WBEMClientFactory.getClient(WBEMClientConstants.PROTOCOL_CIMXML);
            CIMObjectPath base = new CIMObjectPath(serverUrl.getScheme(), serverUrl.getHost(),
                    String.valueOf(serverUrl.getPort()), null, null, null);
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrivateCredentials().add(new PasswordCredential(password));
            client.initialize(base, subject, new Locale[] {Locale.US});
            return client;
        } catch (WBEMException e) {
            throw new IllegalStateException("cannot initialise the SBLIM client for " + serverUrl, e);
        }
    }

    /** An operation of the client that may fail with a CIM error. */
    interface CimCall {
        void run() throws WBEMException;
    }

    /** Runs the call and asserts it fails with exactly the given CIM status code. */
    static WBEMException assertCimError(int expectedCode, CimCall call) {
        WBEMException e = assertThrows(WBEMException.class, call::run);
        if (e.getID() != expectedCode) {
            fail("expected CIM status " + expectedCode + " but got " + e.getID() + ": " + e, e);
        }
        assertEquals(expectedCode, e.getID());
        return e;
    }

    /** Drains and closes a result iterator. */
    static <T> List<T> all(CloseableIterator<T> it) {
        List<T> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                out.add(it.next());
            }
        } finally {
            it.close();
        }
        return out;
    }

    /** The path of an instance whose one key is the string {@code Id} (the test storage model's classes). */
    static CIMObjectPath idPath(String namespace, String className, String id) {
        return new CIMObjectPath(null, null, null, namespace, className,
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null)});
    }

    static CIMObjectPath classPath(String namespace, String className) {
        return new CIMObjectPath(null, null, null, namespace, className, null);
    }
}
