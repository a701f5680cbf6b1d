/**
 * The data directory: what a server keeps across restarts, and its recovery.
 *
 * <p>{@link org.iscsismis.store.DataDirectory} locks the directory (one server per directory) and lays it out;
 * {@link org.iscsismis.store.Journal} is its write-ahead log of state records (CRC32C per record, fsync'd before a
 * change is answered, a torn tail dropped at the next start, compacted by rewriting the live state; a record it
 * cannot write is refused with {@link org.iscsismis.store.JournalWriteException} and its change taken back). The
 * {@code …State} and {@code …Journal} classes turn what other packages announce through their hooks (the disk
 * registry's listener, the replication engine's {@code PairStore}) into records, and rebuild those packages from the
 * records at start-up.
 * {@code JobJournal} keeps the job service's jobs ({@code provider.job.JobLog}) and {@code RepositoryJournal} what
 * clients change in the repository ({@code repository.RepositoryListener}), {@code SubscriptionJournal} the indication
 * filters, destinations and subscriptions ({@code indication.SubscriptionLog}) and {@code MaskingJournal} the hardware
 * IDs and target nodes ({@code iscsi.provider.MaskingLog}). Nothing depends on this package but
 * {@code server}.
 */
package org.iscsismis.store;
