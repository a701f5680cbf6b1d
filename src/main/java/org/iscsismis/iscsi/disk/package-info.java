/**
 * Simulated iSCSI virtual disks that hold real bytes.
 *
 * <p>A {@link org.iscsismis.iscsi.disk.DiskRegistry} owns {@link org.iscsismis.iscsi.disk.DiskPool}s and the
 * {@link org.iscsismis.iscsi.disk.VirtualDisk}s thin-provisioned from them. A disk stores its data in sparse,
 * fixed-size chunks allocated on first write; holes read as zeros. Per-disk
 * {@link org.iscsismis.iscsi.disk.DiskFaults} inject read/write failures, offline and latency.
 *
 * <p>Two hooks let a higher layer (the replication engine) see and shape I/O without this package knowing it:
 * {@link org.iscsismis.iscsi.disk.WriteInterceptor} observes every write, a host's or the engine's own (copy-on-write,
 * mirroring, dirty tracking), told apart by their {@link org.iscsismis.iscsi.disk.WriteOrigin}; and
 * {@link org.iscsismis.iscsi.disk.ReadThrough} serves a disk's host reads from elsewhere (a snapshot reading its
 * source). There is one write path: no method changes a disk's bytes without passing its interceptor.
 *
 * <p>Lock order inside this package: chunk stripes of one disk are always taken in ascending stripe order
 * ({@link org.iscsismis.iscsi.disk.ChunkLocks}). A thread holding chunk locks of a disk may take chunk locks of
 * another disk only in the direction the caller documents (the engine: source before target).
 */
package org.iscsismis.iscsi.disk;
