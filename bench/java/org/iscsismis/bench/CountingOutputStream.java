package org.iscsismis.bench;

import java.io.OutputStream;

/** Counts the bytes written to it and drops them: the sink of the benchmarks that measure encoding alone. */
public final class CountingOutputStream extends OutputStream {

    private long count;

    /** How many bytes were written. */
    public long count() {
        return count;
    }

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }
}
