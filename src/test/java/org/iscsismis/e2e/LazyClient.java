package org.iscsismis.e2e;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * A {@link WBEMClient} that connects on its first call. A test class can then keep its client in a static final field
 * initialised before its server listens; the client reaches the server as soon as a test uses it.
 */
final class LazyClient implements InvocationHandler, AutoCloseable {

    private final Supplier<WBEMClient> connect;
    private final Consumer<AutoCloseable> onConnect;
    private WBEMClient client;
    private boolean closed;

    private LazyClient(Supplier<WBEMClient> connect, Consumer<AutoCloseable> onConnect) {
        this.connect = Objects.requireNonNull(connect, "connect must not be null");
        this.onConnect = Objects.requireNonNull(onConnect, "onConnect must not be null");
    }

    /**
     * A client that calls {@code connect} on its first call and then hands itself to {@code onConnect} (which closes it
     * in its turn); {@code close()} on the client closes it too, and any later call fails.
     */
    static WBEMClient connectingOnFirstCall(Supplier<WBEMClient> connect, Consumer<AutoCloseable> onConnect) {
        return (WBEMClient) Proxy.newProxyInstance(WBEMClient.class.getClassLoader(), new Class<?>[] {WBEMClient.class},
                new LazyClient(connect, onConnect));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "a client connecting on its first call";
            };
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            close();
            return null;
        }
        try {
            return method.invoke(connected(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the client's own exception (a WBEMException), as a direct call would throw it
        }
    }

    private synchronized WBEMClient connected() {
        if (closed) {
            throw new IllegalStateException("this client is closed (its test class's server has stopped)");
        }
        if (client == null) {
            client = connect.get();
            onConnect.accept(this);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            WBEMClient open = client;
            client = null; // closed once, however often close is called
            open.close();
        }
    }
}
