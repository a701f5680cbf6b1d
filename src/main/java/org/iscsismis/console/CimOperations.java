package org.iscsismis.console;

import org.iscsismis.cim.CimException;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ResponseSink;

/**
 * Runs CIM operations as one user, exactly as the CIM-XML endpoint runs them for that user: in production the
 * dispatcher, with the user's rights. The console has no other way to the data.
 */
@FunctionalInterface
public interface CimOperations {

    void execute(CimRequest request, ResponseSink sink) throws CimException;
}
