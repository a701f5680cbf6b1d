package org.iscsismis.indication;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.repository.CimRepository;

/**
 * Makes a {@link Destination} from what a client sent in CreateInstance: keys completed as for filters, Destination
 * required and checked (an absolute {@code http} or {@code https} URL with a host and a port), Protocol CIM-XML (2)
 * or NULL. A username (and password) make the deliveries use HTTP Basic; the password is never returned.
 */
final class DestinationFactory {

    private static final int CIM_XML = 2;

    private final CimRepository repository;
    private final HostedKeys keys;
    private final AtomicLong generatedNames = new AtomicLong();
    private final java.util.function.Predicate<String> taken;

    /** @param taken whether a name is in use (a generated name skips those kept from before a restart) */
    DestinationFactory(CimRepository repository, HostedKeys keys, java.util.function.Predicate<String> taken) {
        this.repository = repository;
        this.keys = keys;
        this.taken = taken;
    }

    Destination create(CimInstance given) {
        CimClass cls = repository.getClass(keys.namespace(), given.className());
        CimInstance typed = ClientInstances.typed(cls, given);
        String name = ClientInstances.text(typed, "Name");
        if (name == null || name.isBlank()) {
            do {
                name = keys.systemName() + ":destination:" + generatedNames.incrementAndGet();
            } while (taken.test(name));
        }
        URI uri = url(name, ClientInstances.text(typed, "Destination"));
        Long protocol = ClientInstances.number(typed, "Protocol");
        if (protocol != null && protocol != CIM_XML) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "Listener destination " + name + ": Protocol " + protocol
                    + " is not supported; this server exports indications as CIM-XML (Protocol 2)");
        }
        String user = ClientInstances.text(typed, "username");
        String password = ClientInstances.text(typed, "password");
        ObjectPath path = keys.path(cls.name(), name);
        CimInstance stored = ClientInstances.withText(HostedKeys.withKeys(typed, path), "password", null);
        return new Destination(path, name, stored, uri, user == null ? null : user + ":" + (password == null ? "" : password));
    }

    /** The Destination URL, checked: http or https, a host, a port. */
    static URI url(String destination, String text) {
        String what = "Listener destination " + destination + ": Destination ";
        if (text == null || text.isBlank()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, what + "is required (the listener's URL, e.g. http://host:5990)");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, what + "\"" + text + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new CimException(CimStatus.INVALID_PARAMETER, what + "\"" + text + "\" must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, what + "\"" + text + "\" has no host");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new CimException(CimStatus.INVALID_PARAMETER, what + "\"" + text + "\" has no port (write host:port)");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            uri = uri.resolve("/");
        }
        return uri;
    }
}
