package org.iscsismis.iscsi.target.scsi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The supported commands by opcode and service action, registered by opcode constant (never by position). An
 * opcode with service actions is looked up a second time by the SERVICE ACTION field of CDB byte 1.
 */
public final class CommandTable {

    /** Opcodes whose CDB byte 1 carries a service action. */
    private static final List<Integer> SERVICE_ACTION_OPCODES = List.of(0x9e, 0x9f, 0xa3, 0xa4, 0x5e, 0x5f, 0x7f);

    private final Map<Integer, CommandDescriptor> plain = new TreeMap<>();
    private final Map<Integer, Map<Integer, CommandDescriptor>> withServiceAction = new TreeMap<>();

    /** Registers a command; {@code usage} is the CDB usage data (its length is the CDB length). */
    public CommandTable register(int opcode, String name, byte[] usage, CommandHandler handler, CommandDescriptor.Flag... flags) {
        if (SERVICE_ACTION_OPCODES.contains(opcode)) {
            throw new IllegalArgumentException(String.format("opcode %02xh needs a service action", opcode));
        }
        add(plain.put(opcode, descriptor(opcode, -1, name, usage, handler, flags)), name);
        return this;
    }

    public CommandTable register(int opcode, int serviceAction, String name, byte[] usage, CommandHandler handler,
                                 CommandDescriptor.Flag... flags) {
        if (!SERVICE_ACTION_OPCODES.contains(opcode)) {
            throw new IllegalArgumentException(String.format("opcode %02xh has no service actions", opcode));
        }
        add(withServiceAction.computeIfAbsent(opcode, o -> new TreeMap<>())
                .put(serviceAction, descriptor(opcode, serviceAction, name, usage, handler, flags)), name);
        return this;
    }

    private static CommandDescriptor descriptor(int opcode, int sa, String name, byte[] usage, CommandHandler handler,
                                                CommandDescriptor.Flag... flags) {
        if (usage[0] != (byte) opcode) {
            throw new IllegalArgumentException(name + ": the usage data must start with the opcode");
        }
        EnumSet<CommandDescriptor.Flag> set = EnumSet.noneOf(CommandDescriptor.Flag.class);
        Collections.addAll(set, flags);
        return new CommandDescriptor(opcode, sa, name, usage, set, handler);
    }

    private static void add(CommandDescriptor previous, String name) {
        if (previous != null) {
            throw new IllegalArgumentException(name + " registered twice");
        }
    }

    /**
     * The command a CDB names.
     *
     * @throws ScsiError INVALID COMMAND OPERATION CODE, or INVALID FIELD IN CDB pointing at byte 1 for an unsupported
     *                   service action
     */
    public CommandDescriptor lookup(byte[] cdb) {
        int opcode = cdb[0] & 0xff;
        CommandDescriptor d = plain.get(opcode);
        if (d != null) {
            return d;
        }
        Map<Integer, CommandDescriptor> actions = withServiceAction.get(opcode);
        if (actions == null) {
            throw ScsiError.of(AdditionalSense.INVALID_COMMAND_OPERATION_CODE, String.format("opcode %02xh is not supported", opcode));
        }
        int sa = cdb[1] & 0x1f;
        d = actions.get(sa);
        if (d == null) {
            throw ScsiError.invalidCdbField(1, 4, String.format("service action %02xh of opcode %02xh is not supported", sa, opcode));
        }
        return d;
    }

    /** The command with this opcode and service action (-1: none), or null. */
    public CommandDescriptor find(int opcode, int serviceAction) {
        if (serviceAction < 0) {
            return plain.get(opcode);
        }
        Map<Integer, CommandDescriptor> actions = withServiceAction.get(opcode);
        return actions == null ? null : actions.get(serviceAction);
    }

    /** True if this opcode takes service actions. */
    public boolean hasServiceActions(int opcode) {
        return withServiceAction.containsKey(opcode);
    }

    /** Every command in opcode, then service action, order. */
    public List<CommandDescriptor> all() {
        List<CommandDescriptor> out = new ArrayList<>(plain.values());
        withServiceAction.values().forEach(m -> out.addAll(m.values()));
        out.sort((a, b) -> a.opcode() != b.opcode() ? Integer.compare(a.opcode(), b.opcode())
                : Integer.compare(a.serviceAction(), b.serviceAction()));
        return out;
    }
}
