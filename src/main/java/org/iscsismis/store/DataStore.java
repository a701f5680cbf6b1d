package org.iscsismis.store;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Function;
import org.iscsismis.indication.IndicationService;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.provider.Masking;
import org.iscsismis.provider.Requester;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.replication.ReplicationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server keeps in its data directory, opened at start-up: the directory locked, the journal read (a torn
 * tail dropped), the disk registry rebuilt. The server then builds its engine on {@link #disks()}, hands it to
 * {@link #recoverPairs}, and closes this store after the engine.
 */
public final class DataStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataStore.class);

    private final DataDirectory directory;
    private final Journal journal;
    private final TargetState target;

    private DataStore(DataDirectory directory, Journal journal, TargetState target) {
        this.directory = directory;
        this.journal = journal;
        this.target = target;
    }

    /**
     * Locks and reads {@code dir}.
     *
     * @throws DataDirectoryLockedException    another server uses it
     * @throws java.io.UncheckedIOException    it cannot be read or written
     */
    public static DataStore open(Path dir, long minFreeBytes) {
        return open(dir, minFreeBytes, FileChannel::open);
    }

    /** {@link #open(Path, long)} with the journal's files opened by {@code channels} (tests inject failures). */
    static DataStore open(Path dir, long minFreeBytes, Journal.Channels channels) {
        long started = System.nanoTime();
        DataDirectory directory = DataDirectory.open(dir);
        Journal journal = null;
        try {
            journal = Journal.open(directory.journalFile(), channels);
            TargetState target = TargetState.recoverDisks(directory, journal, minFreeBytes);
            LOG.info("Data directory {}: journal of {} records ({} bytes) read in {} ms", directory.root(),
                    journal.recovered().records(), journal.recovered().bytesKept(), (System.nanoTime() - started) / 1_000_000);
            return new DataStore(directory, journal, target);
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            directory.close();
            throw e;
        }
    }

    public DataDirectory directory() {
        return directory;
    }

    public Journal journal() {
        return journal;
    }

    /** The disks as the journal left them, kept up to date from now on. */
    public DiskRegistry disks() {
        return target.registry();
    }

    /** True for a new data directory (nothing recorded yet). */
    public boolean isNew() {
        return target.empty();
    }

    /** Brings back the engine's pairs; every pair change is recorded from now on. */
    public void recoverPairs(ReplicationEngine engine) {
        target.recoverPairs(engine);
    }

    /**
     * Brings back the jobs kept before the restart (those that were running end in state Exception, interrupted)
     * and records the service's jobs from now on.
     */
    public void recoverJobs(JobService jobs) {
        new JobJournal(journal).recover(jobs);
    }

    /**
     * Brings back the hardware IDs, target nodes and their LUNs, and whether the default view was deleted; records
     * every masking change from now on. Call before the portal is attached.
     */
    public void recoverMasking(Masking masking) {
        new MaskingJournal(journal).recover(masking);
    }

    /**
     * Creates again the indication filters, listener destinations and subscriptions kept before the restart (each
     * subscription as its creator, whom {@code creators} finds by user name) and keeps the service's changes from now
     * on, which makes its SubscriptionsPersisted true. Call before anything is published.
     */
    public void recoverSubscriptions(IndicationService indications, Function<String, Requester> creators) {
        new SubscriptionJournal(journal).recover(indications, creators);
    }

    /**
     * Applies what clients changed in the repository before the restart (classes, qualifier types, instances,
     * namespaces) to {@code repository}, its schema loaded, and records its changes from now on.
     */
    public void recoverRepository(CimRepository repository) {
        new RepositoryJournal(journal).recover(repository);
    }

    /** Closes the journal and unlocks the directory (after the engine and disks have closed). */
    @Override
    public void close() {
        try {
            journal.close();
        } finally {
            directory.close();
        }
    }
}
