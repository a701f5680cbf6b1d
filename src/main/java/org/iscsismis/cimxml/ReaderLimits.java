package org.iscsismis.cimxml;

/** Bounds the request reader enforces while it reads, so a hostile body costs bounded memory. */
public record ReaderLimits(int maxDepth, long maxElements, int maxAttributeValueLength, int maxTextLength) {

    public static final ReaderLimits DEFAULT = new ReaderLimits(64, 1_000_000L, 256 << 10, 1 << 20);
}
