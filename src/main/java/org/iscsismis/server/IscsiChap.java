package org.iscsismis.server;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.iscsismis.http.LoginThrottle;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import org.iscsismis.iscsi.target.login.LoginGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the iSCSI target's logins are checked against: the CHAP secrets file and a throttle of failed logins. */
final class IscsiChap {

    private static final Logger LOG = LoggerFactory.getLogger(IscsiChap.class);

    private IscsiChap() {
    }

    /**
     * The secrets of {@code iscsi.chap.secretsFile} with the nodes {@code iscsi.chap.required} names, or none; the file
     * is read again when it changes while the server runs ({@link ReloadedFile}), so {@code iscsi-smis chap add|remove}
     * applies from the next login.
     *
     * @throws ConfigurationException if the file is missing, not private or malformed at start
     */
    static Supplier<ChapSecrets> secrets(ServerConfig config) {
        Path file = config.iscsiChapSecretsFile();
        if (file == null) {
            return ChapSecrets::none;
        }
        return new ReloadedFile<>(file, ChapSecretsFile.WHAT, f -> {
            ChapSecrets secrets = ChapSecretsFile.secrets(ChapSecretsFile.read(f), config.iscsiChapRequired(), f + ": ");
            if (secrets.isEmpty()) {
                LOG.warn("{} {} has no initiator secrets: no initiator can log in with CHAP", ChapSecretsFile.WHAT, f);
            }
            return secrets;
        });
    }

    /** Failed CHAP logins per address, limited as HTTP logins are (auth.maxFailures per auth.failureWindowSeconds). */
    static LoginGuard guard(ServerConfig config) {
        LoginThrottle throttle = new LoginThrottle(config.maxLoginFailures(), config.loginFailureWindowSeconds());
        return new LoginGuard() {
            @Override
            public long retryAfterSeconds(String address) {
                return throttle.retryAfterSeconds(address);
            }

            @Override
            public void failed(String address) {
                throttle.failed(address);
            }
        };
    }
}
