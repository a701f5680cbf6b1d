package org.iscsismis.indication;

import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.ExportTemplate;

/**
 * One indication on its way to one listener: for a subscription (null for the service's own alerts), raised in
 * {@code source} (null for the service's own alerts), as that subscription's filter shapes it. The export request is
 * shared by every listener of the filter; the sequence numbers are put in when it is first sent.
 */
record Delivery(Subscription subscription, CimNamespace source, ExportTemplate export) {
}
