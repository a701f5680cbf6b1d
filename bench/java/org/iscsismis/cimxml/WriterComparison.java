package org.iscsismis.cimxml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.OutputStream;
import org.iscsismis.bench.CountingOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimValue;

/**
 * Why the response path has its own UTF-8 writer and no JAXB: the same {@code Bench_Item}
 * instances encoded as DSP0201 INSTANCE elements three ways, on one thread, into a byte-counting
 * stream — our {@link Utf8XmlOut} (the response path), the same element writer over Woodstox's
 * StAX writer, and JAXB (jaxb-runtime) marshalling an annotated INSTANCE binding built from each
 * instance. Reports thread CPU time and bytes allocated per 10 000 instances (CPU time, not wall
 * time, so a busy machine disturbs it little). The three runs alternate, so drift shows.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.cimxml.WriterComparison [instances] [rounds]</pre>
 */
public final class WriterComparison {

    private interface Encoder {
        void encode(List<CimInstance> instances, OutputStream out) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<CimInstance> instances = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            instances.add(benchItem(i));
        }
        JAXBContext jaxb = JAXBContext.newInstance(JaxbInstance.class);
        String[] names = {"ours (Utf8XmlOut)", "Woodstox StAX writer", "JAXB (jaxb-runtime)"};
        Encoder[] encoders = {
            (list, out) -> {
                CimXmlElementWriter w = CimXmlElementWriter.forStream(out);
                for (CimInstance i : list) {
                    w.instance(i);
                }
                w.flush();
            },
            (list, out) -> {
                CimXmlElementWriter w = new CimXmlElementWriter(CimXmlElementWriter.newWriter(out));
                for (CimInstance i : list) {
                    w.instance(i);
                }
                w.flush();
            },
            (list, out) -> {
                Marshaller m = jaxb.createMarshaller();
                m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
                m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
                for (CimInstance i : list) {
                    m.marshal(JaxbInstance.of(i), out);
                }
            },
        };
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double[] bestCpu = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long[] allocated = new long[3];
        long[] bytes = new long[3];
        int measured = 0;
        for (int r = 0; r < rounds; r++) {
            for (int e = 0; e < encoders.length; e++) {
                CountingOutputStream out = new CountingOutputStream();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long alloc0 = threads.getThreadAllocatedBytes(tid);
                encoders[e].encode(instances, out);
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
                bytes[e] = out.count();
                if (r >= rounds / 2) {
                    bestCpu[e] = Math.min(bestCpu[e], cpu / 1e6);
                    allocated[e] += alloc;
                }
            }
            if (r >= rounds / 2) {
                measured++;
            }
        }
        System.out.printf(Locale.ROOT, "| encoder | bytes out | best CPU ms per %d | MB allocated per %d |%n|---|---:|---:|---:|%n", n, n);
        for (int e = 0; e < encoders.length; e++) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", names[e], bytes[e], bestCpu[e],
                    allocated[e] / 1e6 / measured);
        }
    }

    static CimInstance benchItem(int i) {
        return CimInstance.builder("Bench_Item")
                .property("InstanceID", CimValue.ofString(String.format(Locale.ROOT, "Bench:%08d", i)))
                .property("Name", CimValue.ofString("bench-item-" + i))
                .property("Description", CimValue.ofString("Item " + i + ". Benchmark instance of the iscsi-smis HTTP load"
                        + " driver; this text only gives the instance the size of a typical storage management object."))
                .property("Caption", CimValue.ofString("Benchmark item number " + i + " of the HTTP load driver"))
                .property("Counter", CimValue.ofUint32(i))
                .property("Big", CimValue.ofUint64(4_000_000_000L + i * 1_000_003L))
                .property("Delta", CimValue.ofSint32((i & 1) == 0 ? i : -i))
                .property("Ratio", CimValue.ofReal64(i / 7.0))
                .property("Enabled", CimValue.ofBoolean((i & 1) == 0))
                .property("Created", CimValue.ofDateTime(CimDateTime.parse(String.format(Locale.ROOT,
                        "20240115%02d%02d%02d.%06d+000", (i / 3600) % 24, (i / 60) % 60, i % 60, i % 1_000_000))))
                .property("Status", CimValue.ofUint16(2 + i % 5))
                .property("Tags", CimValue.ofStrings(List.of("bench", "item", "tag" + (i % 10))))
                .build();
    }

    /** DSP0201's INSTANCE as a JAXB binding: what a JAXB-based writer would marshal per instance. */
    @XmlRootElement(name = "INSTANCE")
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class JaxbInstance {
        @XmlAttribute(name = "CLASSNAME") String className;
        @XmlElement(name = "PROPERTY") List<JaxbProperty> properties = new ArrayList<>();
        @XmlElement(name = "PROPERTY.ARRAY") List<JaxbArrayProperty> arrays = new ArrayList<>();

        static JaxbInstance of(CimInstance i) {
            JaxbInstance x = new JaxbInstance();
            x.className = i.className().toString();
            for (CimProperty p : i.properties()) {
                CimValue v = p.value();
                if (v.isArray()) {
                    JaxbArrayProperty a = new JaxbArrayProperty();
                    a.name = p.name().toString();
                    a.type = p.type().toString();
                    a.valueArray = new JaxbValueArray();
                    a.valueArray.values = v.toTexts();
                    x.arrays.add(a);
                } else {
                    JaxbProperty s = new JaxbProperty();
                    s.name = p.name().toString();
                    s.type = p.type().toString();
                    s.value = v.isNull() ? null : v.toText();
                    x.properties.add(s);
                }
            }
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class JaxbProperty {
        @XmlAttribute(name = "NAME") String name;
        @XmlAttribute(name = "TYPE") String type;
        @XmlElement(name = "VALUE") String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class JaxbArrayProperty {
        @XmlAttribute(name = "NAME") String name;
        @XmlAttribute(name = "TYPE") String type;
        @XmlElement(name = "VALUE.ARRAY") JaxbValueArray valueArray;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class JaxbValueArray {
        @XmlElement(name = "VALUE") List<String> values;
    }
}
