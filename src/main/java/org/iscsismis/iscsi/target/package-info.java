/**
 * The iSCSI target (RFC 7143) in front of the virtual disks: a TCP portal ({@link org.iscsismis.iscsi.target.IscsiPortal}),
 * one target node whose logical units are the disk registry's volumes ({@link org.iscsismis.iscsi.target.VolumeLuns}),
 * and the identity a volume shares with its CIM instance ({@link org.iscsismis.iscsi.target.VolumeIdentity}).
 *
 * <p>Sub-packages, each depending only on those before it: {@code pdu} (the PDU codec: framing, digests, text keys,
 * one record per PDU), {@code scsi} (the SPC-4/SBC-3 block device: command table, sense data, handlers), {@code login}
 * (stages, key negotiation, the security seam), {@code session} (connections, sessions, CmdSN window, data transfer,
 * task management). Host I/O uses only the disks' host door, so the replication engine sees every write; nothing here
 * knows CIM.
 */
package org.iscsismis.iscsi.target;
