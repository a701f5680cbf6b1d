package org.iscsismis.cimxml;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * One instance's INSTANCENAME and INSTANCE as they were written: the markup of its class's {@link Skeleton}, shared,
 * and its own character content (key and property values, escaped and encoded), each run's length in
 * {@code lengths}. Refers weakly to the property list it was written from, so that it can be dropped once the
 * instance is gone; {@link #writtenFrom} tells whether it is the encoding of an instance in hand.
 */
final class EncodedInstance extends WeakReference<Object> {

    /** What an entry costs beside its content and lengths: itself, two array headers, its table slot and marks. */
    static final int OVERHEAD = 112;

    private final CimName className;
    private final CimName pathClassName;
    private final List<KeyBinding> keys;
    private final Skeleton skeleton;
    private final byte[] content;
    private final int[] lengths;
    /** Where the INSTANCE's content starts in {@link #content}. */
    private final int instanceContent;
    final int slot;

    EncodedInstance(CimInstance i, ObjectPath p, Skeleton skeleton, Captured name, Captured instance, int slot,
                    ReferenceQueue<Object> queue) {
        super(i.properties(), queue);
        this.className = i.className();
        this.pathClassName = p.className();
        this.keys = p.keys();
        this.skeleton = skeleton;
        this.slot = slot;
        this.lengths = new int[name.runs() + instance.runs()];
        int nameContent = contentLength(name);
        this.content = new byte[nameContent + contentLength(instance)];
        copyContent(name, 0, 0);
        copyContent(instance, name.runs(), nameContent);
        this.instanceContent = nameContent;
    }

    private static int contentLength(Captured c) {
        int n = 0;
        int[] runs = c.contentRuns();
        for (int k = 0; k < runs.length; k += 2) {
            n += runs[k + 1] - runs[k];
        }
        return n;
    }

    private void copyContent(Captured c, int firstRun, int at) {
        int[] runs = c.contentRuns();
        for (int k = 0; k < runs.length; k += 2) {
            int length = runs[k + 1] - runs[k];
            System.arraycopy(c.bytes(), runs[k], content, at, length);
            lengths[firstRun + k / 2] = length;
            at += length;
        }
    }

    /** True when this is the encoding of {@code i} with path {@code p}: written from these very objects. */
    boolean writtenFrom(CimInstance i, ObjectPath p) {
        return refersTo(i.properties()) && className == i.className() && pathClassName == p.className() && keys == p.keys();
    }

    void writeName(XmlOut w) throws XMLStreamException {
        w.spliced(skeleton.name, content, 0, lengths, 0, skeleton.nameMarkup + instanceContent);
    }

    void writeInstance(XmlOut w) throws XMLStreamException {
        w.spliced(skeleton.instance, content, instanceContent, lengths, skeleton.name.length - 1,
                skeleton.instanceMarkup + content.length - instanceContent);
    }

    /** Heap this entry takes, its skeleton not counted. */
    long cost() {
        return content.length + 4L * lengths.length + OVERHEAD;
    }
}
