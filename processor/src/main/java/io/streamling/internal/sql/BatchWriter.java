package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.util.List;

/** A sink: writes one micro-batch's result rows. Called on the query's stream thread, one batch at a time. */
interface BatchWriter extends AutoCloseable {

    /** How the progress reports name this sink (Spark's description where it is stable). */
    String description();

    /** Writes the rows of micro-batch {@code batchId}; an exception fails the query. */
    void write(long batchId, List<Row> rows) throws Exception;

    /** Releases what the sink holds (producers); the query has stopped. */
    @Override
    default void close() {
    }
}
