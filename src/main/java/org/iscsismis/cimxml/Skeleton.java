package org.iscsismis.cimxml;

import java.util.Arrays;

/**
 * The markup of an instance's INSTANCENAME and INSTANCE elements with their character content cut out: the pieces
 * between the content runs, which are the same for every instance of a class with the same shape (the same
 * properties set, arrays of the same lengths). Shared by those instances in {@link EncodedInstances}; compared by
 * content.
 */
final class Skeleton {

    /** Bytes an array costs beside its elements; what a piece costs beside its bytes (array and reference). */
    private static final int PIECE_OVERHEAD = 20;

    final byte[][] name;
    final byte[][] instance;
    /** Bytes of markup in {@link #name} and in {@link #instance}. */
    final int nameMarkup;
    final int instanceMarkup;
    private final int hash;

    private Skeleton(byte[][] name, byte[][] instance) {
        this.name = name;
        this.instance = instance;
        this.nameMarkup = bytes(name);
        this.instanceMarkup = bytes(instance);
        this.hash = 31 * Arrays.deepHashCode(name) + Arrays.deepHashCode(instance);
    }

    static Skeleton of(Captured name, Captured instance) {
        return new Skeleton(markup(name), markup(instance));
    }

    /** The pieces of {@code c} around its content runs: one more than the runs. */
    private static byte[][] markup(Captured c) {
        int[] runs = c.contentRuns();
        byte[][] pieces = new byte[runs.length / 2 + 1][];
        int from = 0;
        for (int k = 0; k < runs.length; k += 2) {
            pieces[k / 2] = Arrays.copyOfRange(c.bytes(), from, runs[k]);
            from = runs[k + 1];
        }
        pieces[pieces.length - 1] = Arrays.copyOfRange(c.bytes(), from, c.bytes().length);
        return pieces;
    }

    private static int bytes(byte[][] pieces) {
        int n = 0;
        for (byte[] piece : pieces) {
            n += piece.length;
        }
        return n;
    }

    /** Heap this skeleton takes. */
    long cost() {
        long n = 48;
        for (byte[][] part : new byte[][][] {name, instance}) {
            for (byte[] piece : part) {
                n += piece.length + PIECE_OVERHEAD;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Skeleton s && hash == s.hash && Arrays.deepEquals(name, s.name) && Arrays.deepEquals(instance, s.instance);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
