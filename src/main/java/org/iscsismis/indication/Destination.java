package org.iscsismis.indication;

import java.net.URI;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.ObjectPath;

/**
 * A CIM_ListenerDestinationCIMXML as stored: its instance (password removed), the checked Destination URL and the
 * HTTP Basic credentials from username/password (null without a username). Immutable.
 */
record Destination(ObjectPath path, String name, CimInstance instance, URI uri, String credentials) {

    @Override
    public String toString() {
        return name + " (" + uri + ")";
    }
}
