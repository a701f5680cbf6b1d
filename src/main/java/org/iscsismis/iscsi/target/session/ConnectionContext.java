package org.iscsismis.iscsi.target.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import org.iscsismis.iscsi.target.login.NegotiationLimits;
import org.iscsismis.iscsi.target.login.SecurityNegotiation;

/**
 * What every connection of a portal shares: the sessions, the negotiation limits, the security stage, the timers.
 *
 * @param security      the security stage of a new connection, given the initiator's address
 * @param loginTimeout  a login not finished within this time is dropped
 * @param nopInterval   an idle full-feature connection is pinged with a NOP-In this often (zero: never)
 * @param nopTimeout    a ping not answered within this time drops the connection
 * @param writeBudget   bytes of write data one connection may buffer at once
 */
public record ConnectionContext(SessionTable sessions, NegotiationLimits limits, Function<String, SecurityNegotiation> security,
                                Duration loginTimeout, Duration nopInterval, Duration nopTimeout,
                                ScheduledExecutorService timer, long writeBudget) {
}
