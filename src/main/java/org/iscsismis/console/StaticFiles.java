package org.iscsismis.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The page's files, read once from the class path ({@code /console/}) and kept as bytes: they are a few KiB. */
final class StaticFiles {

    /** A file and its media type. */
    record File(byte[] bytes, String contentType) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    /**
     * Loads {@code names} from {@code /console/} on the class path.
     *
     * @throws IllegalStateException if one is missing (a broken build)
     */
    static StaticFiles load(String... names) {
        Map<String, File> files = new HashMap<>();
        for (String name : names) {
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            if (type == null) {
                throw new IllegalArgumentException("no media type for " + name);
            }
            try (InputStream in = StaticFiles.class.getResourceAsStream("/console/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("console file /console/" + name + " is missing from the class path");
                }
                files.put(name, new File(in.readAllBytes(), type));
            } catch (IOException e) {
                throw new UncheckedIOException("reading console file " + name, e);
            }
        }
        return new StaticFiles(files);
    }

    /** The file {@code name}, or null. */
    File get(String name) {
        return files.get(name);
    }
}
