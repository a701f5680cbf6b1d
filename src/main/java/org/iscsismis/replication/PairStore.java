package org.iscsismis.replication;

import java.nio.file.Path;

/**
 * Where an engine keeps its pairs across restarts (the server's data directory). {@link #save} and {@link #remove}
 * are called on the thread that changed the pair, while it holds the pair's lock, and must have recorded the
 * change durably when they return: an operation is answered only after its state is on disk. If they throw, the
 * change is refused: the engine takes it back (the pair's facts and maps as they were) and the exception reaches
 * the caller. The chunk maps live in files in {@link #mapDirectory}, updated in place as bits change.
 */
public interface PairStore {

    void save(PairRecord record);

    void remove(String pairId);

    /** The directory of the pairs' chunk map files ({@code pair-N.pending}, {@code .preserved}, {@code .restore}, {@code .intent}). */
    Path mapDirectory();
}
