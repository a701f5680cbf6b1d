package org.iscsismis.iscsi.provider;

/**
 * Where the masking state is kept across restarts (the server's data directory). {@link Masking} tells it every
 * change before the change takes effect, so a change that cannot be kept is not made.
 */
public interface MaskingLog {

    /** Keeps nothing: a server without a data directory. */
    MaskingLog NONE = (before, after) -> {
    };

    /**
     * Keeps {@code after}, which replaces {@code before}.
     *
     * @throws RuntimeException if it cannot be kept; the state then stays {@code before}
     */
    void changed(Masking.State before, Masking.State after);
}
