package org.iscsismis.iscsi.disk;

/**
 * Serves a disk's host reads from elsewhere, e.g. a snapshot that shows chunks of its source it has not
 * preserved. Called without any of this disk's locks held; the implementation locks what it reads.
 */
@FunctionalInterface
public interface ReadThrough {

    void read(VirtualDisk disk, long offset, byte[] dst, int dstOff, int len);
}
