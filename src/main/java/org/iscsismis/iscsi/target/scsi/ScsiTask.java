package org.iscsismis.iscsi.target.scsi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command after the generic checks: either already ended ({@link #earlyReply()}) or ready to run once its
 * Data-Out has arrived — all at once ({@link #execute}) or, for a {@link StreamingHandler}, piece by piece
 * ({@link #accept}, then {@link #finish}). Never throws: failures are CHECK CONDITION replies.
 */
public final class ScsiTask {

    private static final Logger LOG = LoggerFactory.getLogger(ScsiTask.class);

    private final ScsiRequest request;
    private final CommandDescriptor command;
    private final Reply early;
    private final int dataOutLength;
    private Reply failure;

    ScsiTask(ScsiRequest request, CommandDescriptor command, Reply early, int dataOutLength) {
        this.request = request;
        this.command = command;
        this.early = early;
        this.dataOutLength = dataOutLength;
    }

    /** The reply if the command ended in the generic checks or in its CDB check; null if it is ready to run. */
    public Reply earlyReply() {
        return early;
    }

    public int dataOutLength() {
        return dataOutLength;
    }

    /** See {@link CommandHandler#partialGranule}. */
    public int partialGranule() {
        return early != null ? 0 : command.handler().partialGranule(request);
    }

    /** True if the Data-Out is taken piece by piece. */
    public boolean streams() {
        return early == null && command.handler() instanceof StreamingHandler;
    }

    /** The command's name ("READ(10)"), or its opcode when it is not supported. */
    public String name() {
        return command != null ? command.name() : String.format("opcode %02xh", request.cdb().opcode());
    }

    public LogicalUnit unit() {
        return request.unit();
    }

    /** The logical unit's block size (the granule streamed Data-Out is handed on in). */
    public int blockSize() {
        return request.unit() != null ? request.unit().device().blockSize() : 512;
    }

    /** Runs the command with all its Data-Out. */
    public Reply execute(byte[] dataOut) {
        if (early != null) {
            return early;
        }
        return guarded(() -> command.handler().execute(request, dataOut));
    }

    /** One piece of a streamed Data-Out; after a failure the rest is ignored and {@link #finish} reports it. */
    public void accept(long offset, byte[] data, int off, int len) {
        if (failure == null) {
            Reply r = guarded(() -> {
                ((StreamingHandler) command.handler()).accept(request, offset, data, off, len);
                return null;
            });
            failure = r;
        }
    }

    /** The streamed Data-Out is complete ({@code total} bytes). */
    public Reply finish(long total) {
        if (failure != null) {
            return failure;
        }
        return guarded(() -> ((StreamingHandler) command.handler()).finish(request, total));
    }

    private Reply guarded(java.util.function.Supplier<Reply> run) {
        try {
            return run.get();
        } catch (ScsiError e) {
            LOG.debug("{} on {} from {}: {}", command.name(), request.unit(), request.nexus(), e.getMessage());
            return Reply.checkCondition(e.senseData(false));
        } catch (RuntimeException e) {
            LOG.error("{} on {} failed", command.name(), request.unit(), e);
            return Reply.checkCondition(SenseData.of(AdditionalSense.INTERNAL_TARGET_FAILURE, false));
        }
    }
}
