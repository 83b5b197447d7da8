package io.streamling.sql;

import io.streamling.internal.sql.RowParser;
import io.streamling.internal.sql.SourceSpec;
import io.streamling.internal.sql.StreamPlan;
import io.streamling.sql.types.StructType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Creates streaming Datasets, as Spark's {@code spark.readStream()}: {@code socket} (options
 * {@code host}, {@code port}) through the socket connector; {@code text} and {@code json} (a
 * directory of files, schema required for json) through the file connector.
 */
public final class DataStreamReader {

    private final SparkSession session;
    private final Map<String, String> options = new HashMap<>();
    private String format = "text";
    private StructType schema;

    DataStreamReader(SparkSession session) {
        this.session = session;
    }

    /** The source format: {@code socket}, {@code text} or {@code json}. */
    public DataStreamReader format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return this;
    }

    /** The row schema. */
    public DataStreamReader schema(StructType schema) {
        this.schema = schema;
        return this;
    }

    /** The row schema as DDL: {@code "time TIMESTAMP, action STRING"}. */
    public DataStreamReader schema(String ddl) {
        return schema(StructType.fromDDL(ddl));
    }

    /** A source option. */
    public DataStreamReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** A source option. */
    public DataStreamReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** A source option. */
    public DataStreamReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Source options. */
    public DataStreamReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** A JSON-lines directory source. */
    public Dataset<Row> json(String path) {
        return format("json").load(path);
    }

    /** A text directory source: one {@code value} row per line. */
    public Dataset<Row> text(String path) {
        return format("text").load(path);
    }

    /** The source of the {@code path} option (or a socket). */
    public Dataset<Row> load() {
        return load(options.get("path"));
    }

    /**
     * The streaming Dataset of the source.
     *
     * @throws AnalysisException for an unknown format, a missing option or schema
     */
    public Dataset<Row> load(String path) {
        Map<String, String> all = new HashMap<>(options);
        StructType rowSchema;
        switch (format) {
            case "socket":
                if (schema != null) {
                    throw new AnalysisException("The socket source does not support a user-specified schema.");
                }
                require(all, "host");
                require(all, "port");
                rowSchema = RowParser.VALUE_SCHEMA;
                break;
            case "text":
                if (path == null) {
                    throw new IllegalArgumentException("'path' is not specified");
                }
                all.put("path", path);
                rowSchema = RowParser.VALUE_SCHEMA;
                break;
            case "json":
                if (path == null) {
                    throw new IllegalArgumentException("'path' is not specified");
                }
                if (schema == null) {
                    throw new IllegalArgumentException("Schema must be specified when creating a streaming source DataFrame.");
                }
                all.put("path", path);
                rowSchema = schema;
                break;
            default:
                throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
        }
        SourceSpec source = new SourceSpec(format, all, rowSchema);
        source.parser(); // validates the parse mode now rather than at start()
        return new Dataset<>(session, rowSchema, null, StreamPlan.of(source));
    }

    private static void require(Map<String, String> options, String key) {
        if (!options.containsKey(key)) {
            throw new AnalysisException("Set a " + key + " to read from with option(\"" + key + "\", ...).");
        }
    }
}
