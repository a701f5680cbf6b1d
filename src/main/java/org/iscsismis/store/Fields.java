package org.iscsismis.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The named text fields of one state record, and their bytes in the journal. A missing field reads as null. */
final class Fields {

    private final Map<String, String> values;

    Fields() {
        this(new LinkedHashMap<>());
    }

    private Fields(Map<String, String> values) {
        this.values = values;
    }

    Fields put(String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
        return this;
    }

    String text(String name) {
        return values.get(name);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("journal record lacks field " + name + ": " + values);
        }
        return v;
    }

    long number(String name) {
        return Long.parseLong(required(name));
    }

    long number(String name, long otherwise) {
        String v = values.get(name);
        return v == null ? otherwise : Long.parseLong(v);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    Instant instant(String name) {
        String v = values.get(name);
        return v == null ? null : Instant.parse(v);
    }

    byte[] bytes() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeShort(values.size());
            for (Map.Entry<String, String> e : values.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    static Fields of(byte[] bytes) {
        Map<String, String> values = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                values.put(in.readUTF(), in.readUTF());
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable journal record: " + e.getMessage(), e);
        }
        return new Fields(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
