package org.iscsismis.store;

import java.nio.file.Path;

/** Another server holds the data directory: a second one must not start on it. */
public final class DataDirectoryLockedException extends IllegalStateException {

    public DataDirectoryLockedException(Path directory, String owner) {
        super("the data directory " + directory + " is in use by another server"
                + (owner == null || owner.isEmpty() ? "" : " (process " + owner + ")") + "; one server per data directory");
    }
}
