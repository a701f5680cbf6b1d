package org.iscsismis.bench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The interleaved medians of one copy comparison (engine beside {@code System.arraycopy} of the same chunks). */
record CopyMedians(int workers, double mib, double arraycopyMillis, double engineMillis) {

    static final String CSV_HEADER = "run,load_average_1m,workers,mib,arraycopy_ms,engine_ms,arraycopy_mib_per_s,engine_mib_per_s,ratio";

    /** Appends one line per comparison (header first when the file is new). */
    static void append(Path file, List<CopyMedians> rows) throws IOException {
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(file)) {
            sb.append(CSV_HEADER).append('\n');
        }
        for (CopyMedians r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%.0f,%.3f,%.3f,%.0f,%.0f,%.3f%n", run, load, r.workers, r.mib,
                    r.arraycopyMillis, r.engineMillis, r.mib / r.arraycopyMillis * 1000, r.mib / r.engineMillis * 1000,
                    r.arraycopyMillis / r.engineMillis));
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
