package org.iscsismis.replication;

/**
 * Engine-wide counters since start.
 *
 * @param chunksCopied      chunks moved source ──▶ target by background work (initial copy, resync, clone fill)
 * @param chunksRestored    chunks moved target ──▶ source by restores
 * @param chunksCopiedOnWrite chunks preserved into snapshot/clone targets before the source overwrote them
 * @param mirroredWrites    host writes forwarded synchronously to a mirror target
 */
public record EngineStatistics(long chunksCopied, long chunksRestored, long chunksCopiedOnWrite, long mirroredWrites) {
}
