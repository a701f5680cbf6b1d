package org.iscsismis.bench.mof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a schema of DMTF-release scale for timing the MOF compiler: the qualifier declarations once, then
 * {@code copies} renamed copies of the project's CIM classes ({@code mof/cim}, included in the order
 * {@code mof/root_cimv2.mof} gives them), copy k with its schema prefix {@code CIM} renamed {@code CIMk}, so every
 * copy keeps the real files' structure (qualifiers, value maps, references, overrides, methods) and resolves on its
 * own. The root file is {@code Scaled_Schema.mof}, included the way a DMTF release's {@code CIM_Schema.mof} is.
 * Usage: {@code ScaledSchema MOF_DIR OUT_DIR COPIES}.
 */
public final class ScaledSchema {

    private static final Pattern CIM_INCLUDE = Pattern.compile("#pragma\\s+include\\s*\\(\\s*\"(cim/[^\"]+)\"\\s*\\)");
    private static final Pattern CIM_NAME = Pattern.compile("\\bCIM_");

    private ScaledSchema() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ScaledSchema MOF_DIR OUT_DIR COPIES");
            System.exit(2);
        }
        Path mofDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int copies = Integer.parseInt(args[2]);
        List<String> cimFiles = cimIncludes(mofDir.resolve("root_cimv2.mof"));
        Files.createDirectories(out);
        Files.copy(mofDir.resolve("qualifiers.mof"), out.resolve("qualifiers.mof"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder root = new StringBuilder("// ").append(copies).append(" renamed copies of ").append(cimFiles.size())
                .append(" CIM classes\n#pragma include (\"qualifiers.mof\")\n");
        long bytes = 0;
        for (int k = 1; k <= copies; k++) {
            String prefix = "CIM" + k + "_";
            Path dir = out.resolve("copy" + k);
            Files.createDirectories(dir);
            for (String file : cimFiles) {
                String text = Files.readString(mofDir.resolve(file), StandardCharsets.UTF_8);
                String renamed = CIM_NAME.matcher(text).replaceAll(Matcher.quoteReplacement(prefix));
                String name = prefix + file.substring("cim/CIM_".length());
                Files.writeString(dir.resolve(name), renamed, StandardCharsets.UTF_8);
                bytes += renamed.getBytes(StandardCharsets.UTF_8).length;
                root.append("#pragma include (\"copy").append(k).append('/').append(name).append("\")\n");
            }
        }
        Files.writeString(out.resolve("Scaled_Schema.mof"), root, StandardCharsets.UTF_8);
        System.out.printf("%d classes in %d files, %.1f MB of class MOF, root %s%n",
                copies * cimFiles.size(), copies * cimFiles.size(), bytes / 1e6, out.resolve("Scaled_Schema.mof"));
    }

    private static List<String> cimIncludes(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Matcher m = CIM_INCLUDE.matcher(Files.readString(root, StandardCharsets.UTF_8));
        while (m.find()) {
            files.add(m.group(1));
        }
        return files;
    }
}
