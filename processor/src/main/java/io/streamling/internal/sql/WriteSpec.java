package io.streamling.internal.sql;

import io.streamling.sql.SparkSession;
import io.streamling.sql.types.StructType;
import io.streamling.api.function.VoidFunction2;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import java.util.Map;

/** What {@code writeStream()} was told: the query's plan and schema, output mode, sink, name, trigger. */
public record WriteSpec(SparkSession session, StructType schema, StreamPlan plan, String outputMode, String format,
        String queryName, long triggerMs, Map<String, String> options,
        VoidFunction2<Dataset<Row>, Long> batchFunction) {

    /** A spec; options are copied. */
    public WriteSpec {
        options = Map.copyOf(options);
    }
}
