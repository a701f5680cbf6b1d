package org.iscsismis.iscsi.disk;

/**
 * Who writes a disk. Hosts write through {@link VirtualDisk#write} and {@link VirtualDisk#trim}; an engine that moves
 * data between disks (a mirror's copy, a copy-on-write, a restore) writes through {@link VirtualDisk#copyFrom} and
 * {@link VirtualDisk#discard} under an origin of its own. Both kinds take the same path through the disk's
 * {@link WriteInterceptor}, which tells them apart by this value: no write reaches a disk's bytes unseen.
 */
public interface WriteOrigin {

    /** Host I/O: an initiator, a test, anything that is not an engine moving data between disks. */
    WriteOrigin HOST = new WriteOrigin() {
        @Override
        public String toString() {
            return "host";
        }
    };
}
