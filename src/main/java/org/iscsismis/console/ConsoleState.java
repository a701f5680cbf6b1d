package org.iscsismis.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;

/**
 * Reads every {@link Section} as one user through {@link CimOperations} and writes what the page shows:
 * <pre>{@code
 * {"user": "alice",
 *  "sections": {"pools": {"rows": [ ...instances (InstanceJson)... ], "more": 0},
 *               "sessions": {"absent": true},
 *               "jobs": {"error": "CIM_ERR_ACCESS_DENIED: ..."}}}
 * }</pre>
 * A section whose class or namespace the server lacks is {@code absent}; one whose operation fails carries the CIM
 * status and its description, and the other sections are still read. At most {@link #MAX_ROWS} rows are written per
 * section ({@code more} counts the rest), so the answer stays small however large the model grows.
 */
final class ConsoleState {

    /** Rows per section at most; a console is for people, not for 100 000 volumes. */
    static final int MAX_ROWS = 500;

    private final List<Section> sections;

    ConsoleState(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    /** The state as {@code user} sees it, as JSON. */
    String read(ConsoleUser user) {
        CimSession cim = new CimSession(user.operations());
        StringBuilder text = new StringBuilder(16 * 1024);
        JsonWriter json = new JsonWriter(text);
        json.beginObject().member("user", user.name());
        json.name("sections").beginObject();
        Map<String, List<ObjectPath>> read = new HashMap<>();
        for (Section section : sections) {
            json.name(section.id());
            read.put(section.id(), readSection(section, cim, read, json));
        }
        json.endObject().endObject();
        return text.toString();
    }

    /**
     * Writes one section's object.
     *
     * @return the paths of the rows written (the sources of later association sections), or null when the
     *         section is absent or failed
     */
    private static List<ObjectPath> readSection(Section section, CimSession cim, Map<String, List<ObjectPath>> read,
                                                JsonWriter json) {
        StringBuilder rowsText = new StringBuilder();
        Rows rows = new Rows(new JsonWriter(rowsText), cim, section);
        try {
            if (section.isAssociation()) {
                List<ObjectPath> sources = read.get(section.parentId());
                if (sources == null) {
                    json.beginObject().member("absent", true).endObject();
                    return null;
                }
                for (ObjectPath source : sources) {
                    rows.via = source.canonical();
                    cim.associators(section.namespace(), source, section.assocClass(), section.className(), rows::add);
                }
            } else {
                cim.enumerateInstances(section.namespace(), section.className(), rows::add);
            }
        } catch (CimException e) {
            json.beginObject();
            if (e.status() == CimStatus.INVALID_CLASS || e.status() == CimStatus.INVALID_NAMESPACE) {
                json.member("absent", true);
            } else {
                json.member("error", e.getMessage());
            }
            json.endObject();
            return null;
        }
        rows.close();
        json.beginObject().name("rows");
        json.raw(rowsText);
        json.member("more", rows.more).endObject();
        return rows.paths;
    }

    /** Collects one section's rows as JSON as the dispatcher delivers them. */
    private static final class Rows {
        private final JsonWriter json;
        private final CimSession cim;
        private final Section section;
        private final Set<String> seen = new HashSet<>();
        private final List<ObjectPath> paths = new ArrayList<>();
        private String via;
        private int written;
        private int more;

        Rows(JsonWriter json, CimSession cim, Section section) {
            this.json = json;
            this.cim = cim;
            this.section = section;
            json.beginArray();
        }

        void add(CimInstance instance) {
            if (written >= MAX_ROWS) {
                more++;
                return;
            }
            ObjectPath path = instance.path() == null ? null : InstanceJson.normalized(instance.path(), section.namespace());
            if (path != null) {
                if (!seen.add(path.canonical())) {
                    return; // reached again from another source of the association
                }
                paths.add(path);
            }
            written++;
            InstanceJson.write(json, instance, cim.declarationOf(section.namespace(), instance.className()),
                    section.namespace(), via);
        }

        void close() {
            json.endArray();
        }
    }
}
