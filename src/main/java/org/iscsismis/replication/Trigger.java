package org.iscsismis.replication;

/** What can move a pair through the transition table: a client's {@link Operation} or an {@link EngineEvent}. */
public sealed interface Trigger permits Operation, EngineEvent {

    String displayName();
}
