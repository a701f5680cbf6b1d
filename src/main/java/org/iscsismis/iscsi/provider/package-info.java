/**
 * The {@code MSISCSITARGET_*} providers of namespace {@code root/cimv2/storage/iscsitarget}: engine objects
 * ({@link org.iscsismis.iscsi.disk.DiskPool}, {@link org.iscsismis.iscsi.disk.VirtualDisk},
 * {@link org.iscsismis.replication.PairSnapshot}) mapped to CIM instances and references, and back.
 * {@link org.iscsismis.iscsi.provider.IscsiTarget} owns the one disk registry and replication engine of a server.
 */
package org.iscsismis.iscsi.provider;
