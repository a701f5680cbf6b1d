package org.iscsismis.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Where configuration values come from, and how they are layered: the defaults of {@link ConfigKeys#KEYS}, one
 * properties file, then single overrides ({@code --set} and the dedicated command-line options), later ones winning.
 * Keys are checked here, values later by the typed settings.
 */
final class ConfigSources {

    private ConfigSources() {
    }

    /**
     * The settings of {@code file} (if not null; with {@code config.dir} defaulting to the file's directory), then
     * {@code overrides}; not yet merged with the defaults.
     *
     * @throws ConfigurationException if the file cannot be read
     */
    static Map<String, String> fileThenOverrides(Path file, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (file != null) {
            readProperties(file, (p) -> p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k))));
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                settings.putIfAbsent(ConfigKeys.CONFIG_DIR, dir.toString());
            }
        }
        settings.putAll(overrides);
        return settings;
    }

    /**
     * Every key at its default, overridden by {@code settings}.
     *
     * @throws ConfigurationException if a key of {@code settings} is unknown
     */
    static Map<String, String> defaultsThen(Map<String, String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        ConfigKeys.KEYS.forEach(k -> values.put(k.name(), k.defaultValue()));
        settings.forEach((key, value) -> put(values, key, value));
        return values;
    }

    /** A copy of {@code values} with one key set. */
    static Map<String, String> with(Map<String, String> values, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        put(copy, key, value);
        return copy;
    }

    static void readProperties(Path file, Consumer<Properties> consumer) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        consumer.accept(properties);
    }

    /** Keys and values are trimmed: a properties file's trailing blanks are never part of a value. */
    private static void put(Map<String, String> values, String key, String value) {
        String name = key == null ? null : key.trim();
        requireKnown(name);
        values.put(name, Objects.requireNonNullElse(value, "").trim());
    }

    static void requireKnown(String key) {
        if (ConfigKeys.KEYS.stream().noneMatch(k -> k.name().equals(key))) {
            throw new ConfigurationException("Unknown configuration key \"" + key + "\"");
        }
    }
}
