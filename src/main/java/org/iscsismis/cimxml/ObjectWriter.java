package org.iscsismis.cimxml;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.ObjectPath;

/** Writes INSTANCE and CLASS (properties, methods, parameters) and the wrappers that pair them with a path. */
final class ObjectWriter {

    private final XmlOut w;
    private final ValueWriter values;
    private final PathWriter paths;
    private final QualifierWriter qualifiers;
    private final EncodedInstances encoded;
    /** The kept encodings of a batch being written ({@link #namedInstances}); reused, emptied as it is written. */
    private EncodedInstance[] batchKept = new EncodedInstance[0];

    ObjectWriter(XmlOut out, ValueWriter values, PathWriter paths, QualifierWriter qualifiers, EncodedInstances encoded) {
        this.w = out;
        this.values = values;
        this.paths = paths;
        this.qualifiers = qualifiers;
        this.encoded = encoded;
    }

    /** PROPERTY, PROPERTY.ARRAY or PROPERTY.REFERENCE. */
    void property(CimProperty p) throws XMLStreamException {
        CimType t = p.type();
        if (t.isReference()) {
            if (t.array()) {
                throw new IllegalArgumentException("DSP0201 has no element for a reference-array property: " + p.name());
            }
            w.start("PROPERTY.REFERENCE");
            w.attribute("NAME", p.name().toString());
            if (t.referenceClass() != null) {
                w.attribute("REFERENCECLASS", t.referenceClass().toString());
            }
        } else {
            w.start(t.array() ? "PROPERTY.ARRAY" : "PROPERTY", "NAME", p.name().toString(), "TYPE", t.kind().cimName());
        }
        if (p.classOrigin() != null) {
            w.attribute("CLASSORIGIN", p.classOrigin().toString());
        }
        if (p.propagated()) {
            w.attribute("PROPAGATED", "true");
        }
        // The attribute says how a value is encoded. An array without a value needs none (its qualifier
        // declares it), and leaving it out there keeps the wbemcli client, which refuses it on
        // PROPERTY.ARRAY, able to read class declarations.
        boolean describesValue = !t.array() || !p.value().isNull();
        if (describesValue && t.kind() == CimType.Kind.INSTANCE) {
            w.attribute("EmbeddedObject", "instance");
        } else if (describesValue && t.kind() == CimType.Kind.OBJECT) {
            w.attribute("EmbeddedObject", "object");
        }
        qualifiers(p.qualifiers());
        values.value(p.value());
        w.end();
    }

    /** Index loop: no iterator per property of every instance written (the list is usually empty). */
    private void qualifiers(List<CimQualifier> qs) throws XMLStreamException {
        for (int k = 0, n = qs.size(); k < n; k++) {
            qualifiers.qualifier(qs.get(k));
        }
    }

    /** INSTANCE (without path: the wrapper element carries it). */
    void instance(CimInstance i) throws XMLStreamException {
        w.start("INSTANCE");
        w.attribute("CLASSNAME", i.className().toString());
        qualifiers(i.qualifiers());
        List<CimProperty> props = i.properties();
        for (int k = 0, n = props.size(); k < n; k++) {
            property(props.get(k));
        }
        w.end();
    }

    void cimClass(CimClass c) throws XMLStreamException {
        w.start("CLASS");
        w.attribute("NAME", c.name().toString());
        if (c.superClassName() != null) {
            w.attribute("SUPERCLASS", c.superClassName().toString());
        }
        for (CimQualifier q : c.qualifiers()) {
            qualifiers.qualifier(q);
        }
        for (CimProperty p : c.properties()) {
            property(p);
        }
        for (CimMethod m : c.methods()) {
            method(m);
        }
        w.end();
    }

    void method(CimMethod m) throws XMLStreamException {
        w.start("METHOD");
        w.attribute("NAME", m.name().toString());
        if (m.returnType() != null) {
            w.attribute("TYPE", m.returnType().kind().cimName());
        }
        if (m.classOrigin() != null) {
            w.attribute("CLASSORIGIN", m.classOrigin().toString());
        }
        if (m.propagated()) {
            w.attribute("PROPAGATED", "true");
        }
        for (CimQualifier q : m.qualifiers()) {
            qualifiers.qualifier(q);
        }
        for (CimParameter p : m.parameters()) {
            parameter(p);
        }
        w.end();
    }

    /** PARAMETER, PARAMETER.ARRAY, PARAMETER.REFERENCE or PARAMETER.REFARRAY. */
    private void parameter(CimParameter p) throws XMLStreamException {
        CimType t = p.type();
        if (t.isReference()) {
            w.start(t.array() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE");
            w.attribute("NAME", p.name().toString());
            if (t.referenceClass() != null) {
                w.attribute("REFERENCECLASS", t.referenceClass().toString());
            }
        } else {
            w.start(t.array() ? "PARAMETER.ARRAY" : "PARAMETER");
            w.attribute("NAME", p.name().toString());
            w.attribute("TYPE", t.kind().cimName());
        }
        for (CimQualifier q : p.qualifiers()) {
            qualifiers.qualifier(q);
        }
        w.end();
    }

    /** VALUE.NAMEDINSTANCE: INSTANCENAME (from {@code i.path()}) + INSTANCE. */
    void namedInstance(CimInstance i) throws XMLStreamException {
        ObjectPath p = requirePath(i);
        w.start("VALUE.NAMEDINSTANCE");
        nameAndInstance(i, p, null);
        w.end();
    }

    /**
     * {@link #namedInstance} for the first {@code count} of {@code instances}: the kept encodings of the whole batch
     * are looked up first, in a loop that does nothing else, so that the processor can have the memory reads of many
     * instances under way at once (walking thousands of instances is bound by those reads, not by the copying).
     */
    void namedInstances(CimInstance[] instances, int count) throws XMLStreamException {
        EncodedInstance[] kept = findAll(instances, count);
        for (int k = 0; k < count; k++) {
            w.start("VALUE.NAMEDINSTANCE");
            nameAndInstance(instances[k], instances[k].path(), null, kept[k]);
            kept[k] = null;
            w.end();
        }
    }

    /** What {@link EncodedInstances} kept of each of the first {@code count} of {@code instances} (null: nothing). */
    private EncodedInstance[] findAll(CimInstance[] instances, int count) throws XMLStreamException {
        EncodedInstance[] kept = batchKept.length >= count ? batchKept : (batchKept = new EncodedInstance[count]);
        for (int k = 0; k < count; k++) {
            CimInstance i = instances[k];
            kept[k] = encoded.find(i, requirePath(i));
        }
        return kept;
    }

    /** {@code wrapper} (VALUE.OBJECTWITHPATH or VALUE.INSTANCEWITHPATH): INSTANCEPATH + INSTANCE. */
    void instanceWithPath(String wrapper, CimInstance i, CimNamespace defaultNs) throws XMLStreamException {
        ObjectPath p = requirePath(i);
        instanceWithPath(wrapper, i, p, defaultNs, encoded.find(i, p));
    }

    /** {@link #instanceWithPath} for the first {@code count} of {@code instances}, looked up first as by {@link #namedInstances}. */
    void instancesWithPath(String wrapper, CimInstance[] instances, int count, CimNamespace defaultNs) throws XMLStreamException {
        EncodedInstance[] kept = findAll(instances, count);
        for (int k = 0; k < count; k++) {
            instanceWithPath(wrapper, instances[k], instances[k].path(), defaultNs, kept[k]);
            kept[k] = null;
        }
    }

    private void instanceWithPath(String wrapper, CimInstance i, ObjectPath p, CimNamespace defaultNs, EncodedInstance kept)
            throws XMLStreamException {
        w.start(wrapper);
        w.start("INSTANCEPATH");
        paths.namespacePath(p, defaultNs);
        nameAndInstance(i, p, w::end, kept);
        w.end();
    }

    /**
     * INSTANCENAME of {@code p}, then {@code between} (when not null), then INSTANCE of {@code i}: copied from
     * {@link EncodedInstances} when they were kept for these very objects, else encoded (and kept, when it admits them).
     */
    private void nameAndInstance(CimInstance i, ObjectPath p, XmlOut.Fragment between) throws XMLStreamException {
        nameAndInstance(i, p, between, encoded.find(i, p));
    }

    /** As above with what {@link EncodedInstances#find} answered for {@code i} and {@code p} ({@code kept}, or null). */
    private void nameAndInstance(CimInstance i, ObjectPath p, XmlOut.Fragment between, EncodedInstance kept)
            throws XMLStreamException {
        if (kept != null) {
            kept.writeName(w);
            if (between != null) {
                between.write();
            }
            kept.writeInstance(w);
            return;
        }
        if (!encoded.admits(i)) {
            paths.instanceName(p);
            if (between != null) {
                between.write();
            }
            instance(i);
            return;
        }
        Captured name = w.written(() -> paths.instanceName(p));
        if (between != null) {
            between.write();
        }
        Captured body = w.written(() -> instance(i));
        if (name != null && body != null) {
            encoded.keep(i, p, name, body);
        }
    }

    /** VALUE.OBJECTWITHPATH: CLASSPATH + CLASS. */
    void classWithPath(CimClass c, ObjectPath classPath, CimNamespace defaultNs) throws XMLStreamException {
        w.start("VALUE.OBJECTWITHPATH");
        paths.classPath(classPath, defaultNs);
        cimClass(c);
        w.end();
    }

    private static ObjectPath requirePath(CimInstance i) {
        if (i.path() == null) {
            throw new IllegalArgumentException("Instance of " + i.className() + " has no path");
        }
        return i.path();
    }
}
