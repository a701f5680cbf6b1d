package org.iscsismis.server;

/** A configuration the server refuses: the message names the key and says what is wrong. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
