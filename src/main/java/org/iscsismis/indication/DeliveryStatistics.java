package org.iscsismis.indication;

/**
 * What one listener destination's queue has done so far.
 *
 * @param delivered indications the listener accepted
 * @param attempts  HTTP requests made, retries included
 * @param failed    indications given up after every retry
 * @param dropped   indications dropped because the queue was full (the listener was told by an alert)
 * @param waiting   indications waiting now (the one being sent included)
 */
public record DeliveryStatistics(long delivered, long attempts, long failed, long dropped, int waiting) {
}
