package org.iscsismis.iscsi.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.scsi.Hex;

/**
 * The identifier of each volume, shared by the SCSI side (VPD page 83h, NAA designator) and the CIM side (the
 * StorageVolume's Name with NameFormat 2, VPD83NAA6), so an initiator and an SMI-S client can tell they mean the same
 * volume.
 *
 * <p>An NAA IEEE Registered Extended designator (SPC-4 §7.8.6.6.4: NAA 6h, 24-bit company id, 100 vendor-specific
 * bits). The company id {@value #COMPANY_ID_HEX}h has the local bit set, so it is no IEEE assignment; the 100 bits are
 * the first bits of SHA-256 over the target name and the disk id — stable across restarts (the demo's disks keep their
 * ids) and distinct between targets with different names.
 */
public final class VolumeIdentity {

    /** CIM_StorageVolume.NameFormat 2: VPD83NAA6. */
    public static final int NAME_FORMAT_VPD83_NAA6 = 2;
    /** CIM_StorageVolume.NameNamespace 2: VPD83Type3 (the NAA designator type). */
    public static final int NAME_NAMESPACE_VPD83_TYPE3 = 2;

    static final String COMPANY_ID_HEX = "0A5349";
    private static final int COMPANY_ID = 0x0A5349;

    private final String targetName;

    public VolumeIdentity(String targetName) {
        this.targetName = targetName;
    }

    public String targetName() {
        return targetName;
    }

    /** The 16-byte NAA designator of a disk. */
    public byte[] naa(VirtualDisk disk) {
        return naa(disk.id());
    }

    byte[] naa(String diskId) {
        byte[] hash = sha256(targetName + "\0" + diskId);
        byte[] d = new byte[16];
        d[0] = (byte) (0x60 | COMPANY_ID >>> 20);
        d[1] = (byte) (COMPANY_ID >>> 12);
        d[2] = (byte) (COMPANY_ID >>> 4);
        d[3] = (byte) ((COMPANY_ID & 0xf) << 4 | hash[0] & 0x0f);
        System.arraycopy(hash, 1, d, 4, 12);
        return d;
    }

    /** The volume's Name in CIM: the NAA designator as 32 upper-case hexadecimal digits. */
    public String name(VirtualDisk disk) {
        return Hex.of(naa(disk));
    }

    /** The unit serial number of VPD page 80h: the same digits. */
    public String serial(VirtualDisk disk) {
        return name(disk);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
