package org.iscsismis.cimxml;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * Writes the DSP0201 path elements of an {@link ObjectPath}. A full path (INSTANCEPATH, CLASSPATH)
 * without a host gets the writer's default host (the host the client addressed, in a response); without a
 * namespace, the caller's default namespace.
 */
final class PathWriter {

    private final XmlOut w;
    private final ScalarText scalars;
    private final String defaultHost;

    PathWriter(XmlOut out, ScalarText scalars, String defaultHost) {
        this.w = out;
        this.scalars = scalars;
        this.defaultHost = defaultHost;
    }

    /** VALUE.REFERENCE with the most specific form the path allows (INSTANCEPATH … CLASSNAME). */
    void valueReference(ObjectPath p) throws XMLStreamException {
        w.repeatable(p, () -> writeValueReference(p));
    }

    private void writeValueReference(ObjectPath p) throws XMLStreamException {
        w.start("VALUE.REFERENCE");
        boolean full = p.host() != null && p.namespace() != null;
        if (p.isClassPath()) {
            if (full) {
                classPath(p, null);
            } else if (p.namespace() != null) {
                w.start("LOCALCLASSPATH");
                localNamespacePath(p.namespace());
                className(p.className());
                w.end();
            } else {
                className(p.className());
            }
        } else if (full) {
            instancePath(p, null);
        } else if (p.namespace() != null) {
            w.start("LOCALINSTANCEPATH");
            localNamespacePath(p.namespace());
            instanceName(p);
            w.end();
        } else {
            instanceName(p);
        }
        w.end();
    }

    void className(CimName name) throws XMLStreamException {
        w.empty("CLASSNAME");
        w.attribute("NAME", name.toString());
    }

    void localNamespacePath(CimNamespace ns) throws XMLStreamException {
        w.repeatable(ns, () -> writeLocalNamespacePath(ns));
    }

    private void writeLocalNamespacePath(CimNamespace ns) throws XMLStreamException {
        w.start("LOCALNAMESPACEPATH");
        for (String seg : ns.segments()) {
            w.empty("NAMESPACE");
            w.attribute("NAME", seg);
        }
        w.end();
    }

    /** NAMESPACEPATH of {@code p}: its host or the default host, its namespace or {@code defaultNs}. */
    void namespacePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        CimNamespace ns = p.namespace() != null ? p.namespace() : defaultNs;
        if (ns == null) {
            throw new IllegalArgumentException("A full path needs a namespace: " + p);
        }
        w.start("NAMESPACEPATH");
        w.start("HOST");
        w.text(p.host() != null ? p.host() : defaultHost);
        w.end();
        localNamespacePath(ns);
        w.end();
    }

    /** INSTANCEPATH (HOST, namespace, INSTANCENAME); missing host/namespace are filled in (see the class comment). */
    void instancePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.start("INSTANCEPATH");
        namespacePath(p, defaultNs);
        instanceName(p);
        w.end();
    }

    void classPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.start("CLASSPATH");
        namespacePath(p, defaultNs);
        className(p.className());
        w.end();
    }

    /** OBJECTPATH → INSTANCEPATH or CLASSPATH. */
    void objectPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.start("OBJECTPATH");
        if (p.isClassPath()) {
            classPath(p, defaultNs);
        } else {
            instancePath(p, defaultNs);
        }
        w.end();
    }

    /** INSTANCENAME with a KEYBINDING per key. */
    void instanceName(ObjectPath p) throws XMLStreamException {
        w.start("INSTANCENAME");
        w.attribute("CLASSNAME", p.className().toString());
        List<KeyBinding> keys = p.keys();
        for (int i = 0, n = keys.size(); i < n; i++) { // by index: no iterator per instance of an enumeration
            KeyBinding k = keys.get(i);
            w.start("KEYBINDING");
            w.attribute("NAME", k.name().toString());
            CimValue v = k.value();
            CimType.Kind kind = v.type().kind();
            if (kind == CimType.Kind.REFERENCE) {
                valueReference((ObjectPath) v.value());
            } else {
                w.start("KEYVALUE", "VALUETYPE", kind == CimType.Kind.BOOLEAN ? "boolean" : kind.isNumeric() ? "numeric" : "string",
                        "TYPE", kind.cimName());
                scalars.write(v.value());
                w.end();
            }
            w.end();
        }
        w.end();
    }
}
