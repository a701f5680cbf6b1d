package org.iscsismis.iscsi.disk;

/**
 * An I/O request that the disk could not serve: an injected fault, an offline disk, a read-only target,
 * a full pool. The message names the disk and the reason; nothing was changed by the failed request
 * unless the subclass says otherwise.
 */
public class DiskIoException extends RuntimeException {

    private final String diskId;

    public DiskIoException(String diskId, String message) {
        super(message);
        this.diskId = diskId;
    }

    public DiskIoException(String diskId, String message, Throwable cause) {
        super(message, cause);
        this.diskId = diskId;
    }

    /** The disk that refused the request (may be {@code null} when the failure is not about one disk). */
    public String diskId() {
        return diskId;
    }
}
