package org.iscsismis.replication;

import java.util.StringJoiner;

/** Renders the transition table as the markdown docs/engine.md carries (run main to regenerate it). */
final class TransitionTableMarkdown {

    private TransitionTableMarkdown() {
    }

    static String render(TransitionTable table) {
        StringBuilder out = new StringBuilder();
        for (SyncType type : SyncType.values()) {
            out.append("#### ").append(type.displayName()).append(" (SyncType ").append(type.code()).append(")\n\n");
            out.append("| CopyState | Trigger | Goes to | When the work ends | ProgressStatus meanwhile | Effect |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (CopyState state : CopyState.values()) {
                for (Trigger trigger : TransitionTable.triggers()) {
                    table.find(type, state, trigger).ifPresent(t -> {
                        StringJoiner row = new StringJoiner(" | ", "| ", " |\n");
                        row.add(state.displayName() + " (" + state.code() + ")");
                        row.add(trigger instanceof Operation op ? op.displayName() + " (" + op.code() + ")" : "*" + trigger.displayName() + "*");
                        row.add(t.removes() ? "association removed" : t.to().displayName());
                        row.add(t.work() == Transition.Work.NONE ? "" : t.result().displayName() + " after " + t.work().name().toLowerCase().replace('_', ' '));
                        row.add(t.progress() == null ? "" : t.progress().displayName());
                        row.add(t.effect() == Transition.Effect.NONE ? "" : t.effect().name().toLowerCase().replace('_', ' '));
                        out.append(row);
                    });
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(render(TransitionTable.standard()));
    }
}
