package org.iscsismis.dispatch;

import java.time.Clock;
import org.iscsismis.cim.CimException;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.repository.CimRepository;

/** Executes operation records against the repository, streaming results into a sink. Thread-safe. */
public final class Dispatcher {

    public Dispatcher(CimRepository repository, Clock clock) {
    }

    public void execute(CimRequest request, ResponseSink sink) throws CimException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
