package org.iscsismis.http;

import org.iscsismis.cim.CimException;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ResponseSink;

/** Runs one decoded operation for a caller, streaming its results into the sink (production: {@code Dispatcher::execute}). */
@FunctionalInterface
public interface OperationExecutor {

    void execute(CimRequest request, Caller caller, ResponseSink sink) throws CimException;
}
