package io.streamling.sql;

import io.streamling.internal.sql.RowParser;
import io.streamling.internal.sql.SourceSpec;
import io.streamling.internal.sql.StreamPlan;
import io.streamling.sql.types.StructType;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates streaming Datasets, as Spark's {@code spark.readStream()}: {@code socket} (options
 * {@code host}, {@code port}) through the socket connector; {@code text}, {@code json} and
 * {@code csv} (a directory or glob of files, schema required for json and csv; the files already
 * there are read too; {@code maxFilesPerTrigger}, {@code latestFirst}, {@code cleanSource}…)
 * through the file connector; {@code rate} and {@code rate-micro-batch}, generated; {@code kafka}
 * ({@code subscribe}/{@code assign}/{@code subscribePattern}, {@code kafka.bootstrap.servers},
 * {@code startingOffsets}, {@code includeHeaders}). Option keys are case-insensitive; an option
 * the source does not know fails {@code load()}, naming it.
 */
public final class DataStreamReader extends SourceReader<DataStreamReader> {

    DataStreamReader(SparkSession session) {
        super(session);
    }

    /** The source of the {@code path} option (or a source without a path). */
    public Dataset<Row> load() {
        return load(new SourceSpec(format, options, null).option("path"));
    }

    /**
     * The streaming Dataset of the source. Unknown formats and options, and bad option values, fail
     * here, with Spark's message where Spark has one.
     *
     * @throws AnalysisException for an unknown format or option, a missing option or schema
     * @throws IllegalArgumentException for a bad option value
     */
    @Override
    public Dataset<Row> load(String path) {
        Map<String, String> all = new HashMap<>(options);
        if (path != null) {
            all.keySet().removeIf(key -> key.equalsIgnoreCase("path"));
            all.put("path", path);
        }
        StructType rowSchema;
        switch (format) {
            case "socket":
                noSchema();
                require(all, "host");
                require(all, "port");
                rowSchema = new SourceSpec("socket", all, null).flag("includeTimestamp")
                        ? RowParser.VALUE_TIMESTAMP_SCHEMA : RowParser.VALUE_SCHEMA;
                break;
            case "text":
                requirePath(path);
                rowSchema = RowParser.VALUE_SCHEMA;
                break;
            case "json", "csv":
                requirePath(path);
                if (schema == null) {
                    throw new IllegalArgumentException("Schema must be specified when creating a streaming source DataFrame.");
                }
                rowSchema = schema;
                break;
            case "rate", "rate-micro-batch":
                noSchema();
                rowSchema = RowParser.RATE_SCHEMA;
                break;
            case "kafka":
                noSchema();
                rowSchema = "true".equalsIgnoreCase(new SourceSpec(format, all, null).option("includeHeaders"))
                        ? RowParser.KAFKA_HEADERS_SCHEMA : RowParser.KAFKA_SCHEMA;
                break;
            default:
                throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
        }
        SourceSpec source = new SourceSpec(format, all, rowSchema).validate();
        return new Dataset<>(session, rowSchema, null, StreamPlan.of(source));
    }

    private void noSchema() {
        if (schema != null) {
            throw new AnalysisException("The " + format + " source does not support a user-specified schema.");
        }
    }

    private static void requirePath(String path) {
        if (path == null) {
            throw new IllegalArgumentException("'path' is not specified");
        }
    }

    private static void require(Map<String, String> options, String key) {
        if (!new SourceSpec("socket", options, null).has(key)) {
            throw new AnalysisException("Set a " + key + " to read from with option(\"" + key + "\", ...).");
        }
    }
}
