package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the target's data lives (data.dir, storage.*).
 *
 * @param dataDirectory data.dir, or null: nothing is kept across restarts
 * @param heapMedium    storage.medium=heap: virtual disks keep their data on the Java heap
 * @param maxHeapBytes  storage.maxHeapBytes: the data all virtual disks together may hold on the heap
 * @param minFreeBytes  storage.minFreeBytes: free space disk data in files leaves on its file system
 */
public record StorageSettings(Path dataDirectory, boolean heapMedium, long maxHeapBytes, long minFreeBytes) {

    static StorageSettings read(ConfigValues v) {
        long maxHeapBytes = v.number(STORAGE_MAX_HEAP_BYTES, 1 << 20, Long.MAX_VALUE);
        long minFreeBytes = v.number(STORAGE_MIN_FREE_BYTES, 0, Long.MAX_VALUE);
        return new StorageSettings(v.optionalPath(DATA_DIR), heapMedium(v), maxHeapBytes, minFreeBytes);
    }

    private static boolean heapMedium(ConfigValues v) {
        String medium = v.raw(STORAGE_MEDIUM).trim().toLowerCase(Locale.ROOT);
        if (!medium.equals("files") && !medium.equals("heap")) {
            throw new ConfigurationException(STORAGE_MEDIUM + ": \"" + v.raw(STORAGE_MEDIUM) + "\" is not files or heap");
        }
        if (medium.equals("heap") && !v.raw(DATA_DIR).isBlank()) {
            throw new ConfigurationException(STORAGE_MEDIUM + "=heap cannot keep disks across restarts; "
                    + DATA_DIR + " needs storage.medium=files");
        }
        return medium.equals("heap");
    }
}
