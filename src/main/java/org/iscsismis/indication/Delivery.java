package org.iscsismis.indication;

import org.iscsismis.cim.CimInstance;

/**
 * One indication on its way to one listener: for a subscription (null for the service's own alerts), as that
 * subscription's filter shapes it; the sequence numbers are added when it is first sent.
 */
record Delivery(Subscription subscription, CimInstance indication) {
}
