package org.iscsismis.server;

import org.iscsismis.console.ConsoleAccess;
import org.iscsismis.console.ConsoleUser;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.http.AccessControl;
import org.iscsismis.http.Authenticator;

/** The web console admits whom the CIM endpoint admits, and runs their operations through the same dispatcher. */
final class DispatcherConsoleAccess implements ConsoleAccess {

    private final AccessControl access;
    private final Dispatcher dispatcher;

    DispatcherConsoleAccess(AccessControl access, Dispatcher dispatcher) {
        this.access = access;
        this.dispatcher = dispatcher;
    }

    @Override
    public String realm() {
        return Authenticator.REALM;
    }

    @Override
    public ConsoleUser login(String authorizationHeader, String clientAddress) {
        Caller caller = access.login(authorizationHeader, clientAddress);
        return caller == null ? null
                : new ConsoleUser(caller.name(), (request, sink) -> dispatcher.execute(request, caller, sink));
    }

    @Override
    public long retryAfterSeconds(String clientAddress) {
        return access.throttle().retryAfterSeconds(clientAddress);
    }

    @Override
    public boolean allowsHost(String hostHeader) {
        return access.authenticator().required() || access.hosts().allows(hostHeader);
    }
}
