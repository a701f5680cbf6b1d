package org.iscsismis.iscsi.disk;

/**
 * Hears pools and disks come and go, on the thread that changed them and before the change is answered: a
 * persistent store records them here, so a change that returned has been recorded. A listener that throws fails
 * the change (a created disk is removed again).
 */
public interface RegistryListener {

    RegistryListener NONE = new RegistryListener() { };

    default void poolCreated(DiskPool pool) {
    }

    default void diskCreated(VirtualDisk disk) {
    }

    default void diskDeleted(VirtualDisk disk) {
    }
}
