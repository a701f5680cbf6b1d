package org.iscsismis.iscsi.target.login;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may log in with CHAP, and which target nodes insist on it. Initiator credentials (the CHAP_N and secret an
 * initiator proves) and target credentials (what the target answers with in mutual CHAP) each apply to one target
 * node or, with the node {@link #ANY_NODE}, to every node and to discovery sessions; an entry for the exact node wins,
 * and of several for one name and node the first.
 *
 * <p>RFC 7143 §12.1.3's rule is checked when the table is built: a secret that authenticates an initiator is never
 * also the target's own (otherwise an attacker could replay the target's own responses to it). Immutable.
 */
public final class ChapSecrets {

    /** The node name that stands for every target node (and discovery sessions). */
    public static final String ANY_NODE = "*";
    /** In {@link #requiring}: discovery sessions require CHAP too. */
    public static final String DISCOVERY = "discovery";

    /** One credential and the node it is for. */
    public record Scoped(String node, ChapCredential credential) {
    }

    private static final ChapSecrets NONE = new ChapSecrets(List.of(), List.of(), Set.of());

    private final List<Scoped> initiators;
    private final List<Scoped> targets;
    private final Set<String> required;

    private ChapSecrets(List<Scoped> initiators, List<Scoped> targets, Set<String> required) {
        this.initiators = List.copyOf(initiators);
        this.targets = List.copyOf(targets);
        this.required = Set.copyOf(required);
    }

    /** No secrets and no node requiring CHAP: every login uses AuthMethod=None. */
    public static ChapSecrets none() {
        return NONE;
    }

    /**
     * @param required node names that require CHAP, {@link #ANY_NODE} for all of them and discovery sessions,
     *                 {@link #DISCOVERY} for discovery sessions
     * @throws IllegalArgumentException if a target secret is also an initiator secret
     */
    public static ChapSecrets of(List<Scoped> initiators, List<Scoped> targets, Set<String> required) {
        for (Scoped t : targets) {
            for (Scoped i : initiators) {
                if (t.credential().sameSecret(i.credential())) {
                    throw new IllegalArgumentException("the target secret of " + t.credential().name() + " is also the "
                            + "secret of initiator " + i.credential().name() + "; RFC 7143 forbids using one secret both ways");
                }
            }
        }
        return new ChapSecrets(initiators, targets, required);
    }

    /** True if no credential is configured: the target cannot run CHAP at all. */
    public boolean isEmpty() {
        return initiators.isEmpty();
    }

    /** True if a login to {@code targetName} (null: a discovery session) must authenticate with CHAP. */
    public boolean requiresChap(String targetName) {
        return required.contains(ANY_NODE) || required.contains(targetName == null ? DISCOVERY : targetName);
    }

    /** True if every login, to any node or for discovery, must authenticate with CHAP. */
    public boolean requiredEverywhere() {
        return required.contains(ANY_NODE);
    }

    /** The secret initiator {@code chapName} proves when it logs in to {@code targetName} (null: discovery). */
    public Optional<ChapCredential> initiator(String chapName, String targetName) {
        return find(initiators, targetName, s -> s.credential().name().equals(chapName));
    }

    /** The name and secret the target answers with in mutual CHAP for {@code targetName} (null: discovery). */
    public Optional<ChapCredential> target(String targetName) {
        return find(targets, targetName, s -> true);
    }

    private static Optional<ChapCredential> find(List<Scoped> entries, String node, java.util.function.Predicate<Scoped> match) {
        Optional<Scoped> exact = node == null ? Optional.empty()
                : entries.stream().filter(s -> s.node().equals(node) && match.test(s)).findFirst();
        return exact.or(() -> entries.stream().filter(s -> s.node().equals(ANY_NODE) && match.test(s)).findFirst())
                .map(Scoped::credential);
    }
}
