package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.types.StructType;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sinks a query can write to: which output modes each supports (Spark's sink table), the
 * sink's own checks at {@code start()} with Spark's messages, and the writer that runs it.
 */
final class Sinks {

    /** File formats the file sink writes. */
    static final List<String> FILE_FORMATS = List.of("json", "csv", "text");
    private static final List<String> UNSUPPORTED_FILE_FORMATS = List.of("parquet", "orc", "avro");

    private Sinks() {
    }

    /**
     * The checks Spark makes while it creates the sink, before it analyzes the query: required
     * options, and the sink's output modes.
     */
    static void validate(WriteSpec spec) {
        String format = spec.format();
        if (FILE_FORMATS.contains(format)) {
            validateFileSink(spec);
            return;
        }
        if (UNSUPPORTED_FILE_FORMATS.contains(format)) {
            throw new UnsupportedOperationException("Streamling's file sink writes json, csv and text; the " + format
                    + " format is not supported");
        }
        switch (format) {
            case "console", "noop", "table":
                break;
            case "foreach":
                assertNotPartitioned(spec, "foreach");
                if (spec.foreachWriter() == null) {
                    throw new IllegalArgumentException("format(\"foreach\") needs a writer: use foreach(ForeachWriter)");
                }
                break;
            case "foreachbatch":
                assertNotPartitioned(spec, "foreachBatch");
                if (spec.batchFunction() == null) {
                    throw new IllegalArgumentException("format(\"foreachBatch\") needs a function: use "
                            + "foreachBatch((batch, batchId) -> ...)");
                }
                break;
            case "memory":
                assertNotPartitioned(spec, "memory");
                if (spec.queryName() == null) {
                    throw new AnalysisException("queryName must be specified for memory sink");
                }
                break;
            case "kafka":
                KafkaSinkRules.validate(spec);
                break;
            default:
                throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
        }
    }

    /** Spark's {@code assertNotPartitioned}: these sinks refuse {@code partitionBy}. */
    private static void assertNotPartitioned(WriteSpec spec, String sink) {
        if (!spec.partitionBy().isEmpty()) {
            throw new AnalysisException("'" + sink + "' does not support partitioning");
        }
    }

    private static void validateFileSink(WriteSpec spec) {
        if (spec.option("path") == null || spec.option("path").isBlank()) {
            throw new IllegalArgumentException("'path' is not specified");
        }
        if (!spec.outputMode().equals("append")) {
            throw new AnalysisException("[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: "
                    + spec.outputMode() + ". This output mode is not supported in Data Source " + spec.format() + ".");
        }
        StructType schema = spec.schema();
        Set<String> partitions = new HashSet<>();
        for (String column : spec.partitionBy()) {
            if (java.util.Arrays.stream(schema.fieldNames()).noneMatch(column::equalsIgnoreCase)) {
                throw new AnalysisException("Partition column `" + column + "` not found in schema "
                        + schema.simpleString());
            }
            partitions.add(column.toLowerCase(java.util.Locale.ROOT));
        }
        if (!partitions.isEmpty() && partitions.size() == schema.size()) {
            throw new AnalysisException("Cannot use all columns for partition columns");
        }
        if (spec.format().equals("text")) {
            validateTextSchema(spec, schema.size() - partitions.size());
        }
    }

    private static void validateTextSchema(WriteSpec spec, int dataColumns) {
        if (dataColumns != 1) {
            throw new AnalysisException("Text data source supports only a single column, and you have " + dataColumns
                    + " columns.");
        }
        for (var field : spec.schema().fields()) {
            if (!spec.partitionBy().stream().anyMatch(field.name()::equalsIgnoreCase)
                    && !field.dataType().simpleString().equals("string")) {
                throw new AnalysisException("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support "
                        + "the column `" + field.name() + "` of the type \""
                        + field.dataType().simpleString().toUpperCase(java.util.Locale.ROOT) + "\".");
            }
        }
    }

    /** The writer of {@code spec}'s sink; validated before. */
    static BatchWriter create(WriteSpec spec, PrintStream console) {
        String format = spec.format();
        if (FILE_FORMATS.contains(format)) {
            return new FileSinkWriter(spec);
        }
        return switch (format) {
            case "console" -> new ConsoleWriter(spec, console);
            case "memory" -> new MemoryWriter(spec, spec.queryName());
            case "table" -> new MemoryWriter(spec, spec.option("tableName"));
            case "foreachbatch" -> new ForeachBatchWriter(spec);
            case "foreach" -> new ForeachRowWriter(spec.foreachWriter());
            case "kafka" -> new KafkaSinkWriter(spec);
            case "noop" -> new NoopWriter();
            default -> throw new IllegalStateException("no sink " + format);
        };
    }

    /** Spark's {@code noop} sink: runs the query, writes nothing (for benchmarks). */
    private static final class NoopWriter implements BatchWriter {

        @Override
        public String description() {
            return "NoopTable";
        }

        @Override
        public void write(long batchId, java.util.List<io.streamling.sql.Row> rows) {
        }
    }
}
