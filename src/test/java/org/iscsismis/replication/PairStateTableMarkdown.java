package org.iscsismis.replication;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders what a MSISCSITARGET_StorageSynchronized instance shows, per SyncType, as the markdown docs/model.md
 * carries: the properties a state does not change, then one row per state of {@link PairStateTable} (run main to
 * regenerate it).
 */
final class PairStateTableMarkdown {

    private PairStateTableMarkdown() {
    }

    static String render(PairStateTable table) {
        StringBuilder out = new StringBuilder();
        for (SyncType type : SyncType.values()) {
            out.append("#### ").append(type.displayName()).append(" (SyncType ").append(type.code()).append(")\n\n");
            out.append("| Property | Value in every state |\n|---|---|\n");
            constants(type).forEach((property, value) -> out.append("| ").append(property).append(" | ").append(value).append(" |\n"));
            out.append('\n');
            out.append("| CopyState | Work running | ProgressStatus | SyncState | SyncMaintained | PercentSynced | ReadOnly "
                    + "| RequestedCopyState | WhenSynced | WhenSynchronized |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (PairStateTable.Row r : table.rows(type)) {
                StringJoiner row = new StringJoiner(" | ", "| ", " |\n");
                row.add(coded(r.state().copyState()));
                row.add(r.state().activity() == null ? "" : r.state().activity().displayName());
                row.add(coded(r.progressStatus()));
                row.add(coded(r.syncState()));
                row.add(r.syncMaintained() ? "TRUE" : "FALSE");
                row.add(r.percentSynced().description());
                row.add(r.readOnly() == null ? "NULL" : coded(r.readOnly()));
                row.add(r.requested().description());
                row.add(r.whenSynced().description());
                row.add(r.whenSynchronized().description());
                out.append(row);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The 15 of the 24 properties a state does not change (the other nine are the state table's columns). */
    private static Map<String, String> constants(SyncType type) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("SystemElement", "the source volume (`MSISCSITARGET_StorageVolume`)");
        c.put("SyncedElement", "the target volume");
        c.put("SyncType", coded(type));
        c.put("Mode", "the pair's Mode");
        c.put("CopyType", byMode(type));
        c.put("ReplicaType", coded(PairStateTable.replicaType(type)));
        c.put("CopyMethodology", coded(PairStateTable.copyMethodology(type)));
        c.put("CopyPriority", "as created, or as last written by ModifyInstance");
        c.put("CopyRecoveryMode", "as created");
        c.put("FailedCopyStopsHostIO", "as created");
        c.put("UndiscoveredElement", "NULL (both ends are volumes of this service)");
        c.put("WhenEstablished", "when the pair was created");
        c.put("WhenActivated", "the last Activate, Resume or Resync Replica (NULL before)");
        c.put("WhenSuspended", "when it last became Suspended (NULL before)");
        c.put("WhenDeactivated", "the last Deactivate (NULL before)");
        return c;
    }

    private static String byMode(SyncType type) {
        CopyType sync = PairStateTable.copyType(type, Mode.SYNCHRONOUS);
        CopyType async = PairStateTable.copyType(type, Mode.ASYNCHRONOUS);
        if (sync == async) {
            return coded(sync);
        }
        return coded(sync) + " when Mode is " + coded(Mode.SYNCHRONOUS) + ", " + coded(async) + " when it is " + coded(Mode.ASYNCHRONOUS);
    }

    private static String coded(CodedValue v) {
        return v.displayName() + " (" + v.code() + ")";
    }

    public static void main(String[] args) {
        System.out.print(render(PairStateTable.standard()));
    }
}
