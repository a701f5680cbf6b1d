package org.iscsismis.http;

import org.iscsismis.cim.CimException;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ResponseSink;

/** Runs one decoded operation, streaming its results into the sink (production: {@code Dispatcher::execute}). */
@FunctionalInterface
public interface OperationExecutor {

    void execute(CimRequest request, ResponseSink sink) throws CimException;
}
