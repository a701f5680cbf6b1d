package org.iscsismis.cimxml;

/**
 * The bytes a fragment was written as ({@link XmlOut#written}), and where in them its character content lies (text,
 * numbers): {@code contentRuns} holds a start and an end offset per run, in order. The rest is markup, which repeats
 * from one instance of a class to the next.
 */
record Captured(byte[] bytes, int[] contentRuns) {

    /** How many content runs there are. */
    int runs() {
        return contentRuns.length / 2;
    }
}
