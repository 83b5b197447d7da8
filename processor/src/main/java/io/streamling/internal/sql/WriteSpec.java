package io.streamling.internal.sql;

import io.streamling.api.function.VoidFunction2;
import io.streamling.sql.Dataset;
import io.streamling.sql.ForeachWriter;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.Trigger;
import io.streamling.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * What {@code writeStream()} was told: the query's plan and schema, output mode, sink (format,
 * options, {@code partitionBy} columns, the foreachBatch function or foreach writer), name, trigger.
 */
public record WriteSpec(SparkSession session, StructType schema, StreamPlan plan, String outputMode, String format,
        String queryName, Trigger trigger, Map<String, String> options,
        VoidFunction2<Dataset<Row>, Long> batchFunction, ForeachWriter<Row> foreachWriter, List<String> partitionBy) {

    /** The option holding the checkpoint directory. */
    public static final String CHECKPOINT_LOCATION = "checkpointLocation";

    /** A spec; options and columns are copied. */
    public WriteSpec {
        options = Map.copyOf(options);
        partitionBy = List.copyOf(partitionBy);
    }

    /** The trigger interval in ms (0: as soon as possible). */
    public long triggerMs() {
        return trigger.intervalMs();
    }

    /** An option, looked up without regard to case as Spark's options are; null if absent. */
    public String option(String key) {
        String value = options.get(key);
        if (value != null) {
            return value;
        }
        return options.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The checkpoint directory, or null. */
    public String checkpointLocation() {
        return option(CHECKPOINT_LOCATION);
    }
}
