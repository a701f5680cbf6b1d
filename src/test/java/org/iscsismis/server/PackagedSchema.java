package org.iscsismis.server;

import java.nio.file.Path;
import org.iscsismis.repository.CimRepository;

/** A repository loaded with the schema the server ships (mof/), for tests outside this package. */
public final class PackagedSchema {

    private PackagedSchema() {
    }

    public static CimRepository load() {
        CimRepository repository = new CimRepository();
        SchemaLoader.load(Path.of("mof"), repository);
        return repository;
    }
}
