package org.iscsismis.server;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.iscsismis.cim.CimNamespace;

/**
 * The layered values of every key, read as types: each reader checks one value and throws a
 * {@link ConfigurationException} that names the key and says what is wrong with it.
 */
final class ConfigValues {

    private final Map<String, String> values;

    /** {@code values} holds every key of {@link ConfigKeys#KEYS} (see {@link ConfigSources#defaultsThen}). */
    ConfigValues(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every key with its value as given (trimmed), in key-table order. */
    Map<String, String> asMap() {
        return values;
    }

    String raw(String key) {
        return values.get(key);
    }

    /** The value, which must not be empty. */
    String text(String key) {
        String value = values.get(key);
        if (value.isEmpty()) {
            throw new ConfigurationException(key + " must not be empty");
        }
        return value;
    }

    /** A path, or null when the value is empty. */
    Path optionalPath(String key) {
        String value = values.get(key).trim();
        return value.isEmpty() ? null : Path.of(value);
    }

    boolean bool(String key) {
        String value = values.get(key).trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigurationException(key + ": \"" + values.get(key) + "\" is not true or false");
    }

    /** A whole number in {@code min..max}; underscores may group digits ({@code 64_000}). */
    long number(String key, long min, long max) {
        String value = values.get(key);
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + ": \"" + value + "\" is not a whole number");
        }
        if (n < min || n > max) {
            throw new ConfigurationException(key + ": " + n + " is outside " + min + ".." + max);
        }
        return n;
    }

    /** A number that fits an int: {@code max} is at most {@link Integer#MAX_VALUE}. */
    int intNumber(String key, long min, long max) {
        return (int) number(key, min, max);
    }

    /** A namespace name, or null when the value is empty. */
    CimNamespace namespaceOrNull(String key) {
        String value = values.get(key).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return CimNamespace.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + ": \"" + value + "\" is not a namespace name: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ConfigValues v && values.equals(v.values));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
