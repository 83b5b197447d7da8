package io.streamling.internal.sql;

import io.streamling.sql.SparkSession;
import io.streamling.sql.types.StructType;
import java.util.Map;

/** What {@code writeStream()} was told: the query's plan and schema, output mode, sink, name, trigger. */
public record WriteSpec(SparkSession session, StructType schema, StreamPlan plan, String outputMode, String format,
        String queryName, long triggerMs, Map<String, String> options) {

    /** A spec; options are copied. */
    public WriteSpec {
        options = Map.copyOf(options);
    }
}
