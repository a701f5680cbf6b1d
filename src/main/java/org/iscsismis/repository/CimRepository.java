package org.iscsismis.repository;

import java.util.List;
import org.iscsismis.cim.CimNamespace;

/** The in-memory CIM repository: namespaces, qualifier types, classes and static instances. Thread-safe. */
public final class CimRepository {

    public void createNamespace(CimNamespace namespace) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean hasNamespace(CimNamespace namespace) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public List<CimNamespace> namespaces() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
