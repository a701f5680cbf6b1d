package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.iscsismis.iscsi.target.TargetNames;
import org.iscsismis.iscsi.target.TargetSettings;
import org.iscsismis.iscsi.target.login.ChapSecrets;

/**
 * The iSCSI portal's settings (iscsi.*).
 *
 * @param port             iscsi.port, on the http.bind address; 0 picks a free port
 * @param targetName       iscsi.targetName, or empty for the default name of the system
 * @param chapSecretsFile  iscsi.chap.secretsFile, or null when none is configured
 * @param chapRequired     iscsi.chap.required: target node names, {@code discovery}, or {@code *}
 * @param allowWithoutChap iscsi.allowWithoutChap: off loopback, serve iSCSI without CHAP on every login
 */
public record IscsiSettings(boolean enabled, int port, String targetName, boolean thinProvisioning, int maxSessions,
                     Duration nopInterval, Duration loginTimeout, Path chapSecretsFile, Set<String> chapRequired,
                     boolean allowWithoutChap) {

    public IscsiSettings {
        chapRequired = Collections.unmodifiableSet(new LinkedHashSet<>(chapRequired)); // in the order given
    }

    static IscsiSettings read(ConfigValues v) {
        boolean enabled = v.bool(ISCSI_ENABLED);
        int port = v.intNumber(ISCSI_PORT, 0, 65535);
        boolean thin = v.bool(ISCSI_THIN_PROVISIONING);
        int maxSessions = v.intNumber(ISCSI_MAX_SESSIONS, 1, 10_000);
        Duration nopInterval = Duration.ofMillis(v.number(ISCSI_NOP_IN_INTERVAL_MS, 0, Long.MAX_VALUE / 1_000_000));
        Duration loginTimeout = Duration.ofMillis(v.number(ISCSI_LOGIN_TIMEOUT_MS, 1, Integer.MAX_VALUE));
        boolean allowWithoutChap = v.bool(ISCSI_ALLOW_WITHOUT_CHAP);
        Set<String> chapRequired = chapRequired(v.raw(ISCSI_CHAP_REQUIRED));
        Path secretsFile = v.optionalPath(ISCSI_CHAP_SECRETS_FILE);
        if (!chapRequired.isEmpty() && secretsFile == null) {
            throw new ConfigurationException(ISCSI_CHAP_REQUIRED + " is set but no " + ISCSI_CHAP_SECRETS_FILE
                    + " names the secrets (create it with: iscsi-smis chap add --secrets-file FILE initiator NAME)");
        }
        String targetName = v.raw(ISCSI_TARGET_NAME).trim();
        if (!targetName.isEmpty()) {
            try {
                TargetNames.check(targetName);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(ISCSI_TARGET_NAME + ": " + e.getMessage());
            }
        }
        return new IscsiSettings(enabled, port, targetName, thin, maxSessions, nopInterval, loginTimeout, secretsFile,
                chapRequired, allowWithoutChap);
    }

    /** The target node's name: iscsi.targetName, or the default name of the system {@code systemName}. */
    public String targetName(String systemName) {
        return targetName.isEmpty() ? TargetNames.forSystem(systemName) : targetName;
    }

    /** The iSCSI target's settings for the target node {@code targetName}. */
    public TargetSettings targetSettings(String targetName, String revision) {
        return TargetSettings.defaults(targetName, revision)
                .withThin(thinProvisioning)
                .withMaxSessions(maxSessions)
                .withNopInterval(nopInterval)
                .withLoginTimeout(loginTimeout);
    }

    /** True if every login, discovery included, must authenticate with CHAP (iscsi.chap.required=*). */
    public boolean chapOnEveryLogin() {
        return chapRequired.contains(ChapSecrets.ANY_NODE);
    }

    /** The entries of iscsi.chap.required; each must be an iSCSI name, {@code discovery} or {@code *}. */
    private static Set<String> chapRequired(String list) {
        Set<String> required = new LinkedHashSet<>();
        for (String item : list.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.equals(ChapSecrets.ANY_NODE) && !name.equals(ChapSecrets.DISCOVERY)) {
                try {
                    TargetNames.check(name);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ISCSI_CHAP_REQUIRED + ": " + e.getMessage() + " (nor * or discovery)");
                }
            }
            required.add(name);
        }
        return required;
    }
}
