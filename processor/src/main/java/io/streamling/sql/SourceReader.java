package io.streamling.sql;

import io.streamling.sql.types.StructType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link DataFrameReader} and {@link DataStreamReader} share, as Spark's readers do: the
 * format, the schema, the options, and the {@code json}/{@code csv}/{@code text} shortcuts; each
 * reader only says what {@code load} makes of them.
 *
 * @param <R> the reader, which each setter returns
 */
abstract class SourceReader<R extends SourceReader<R>> {

    final SparkSession session;
    final Map<String, String> options = new HashMap<>();
    String format = "text";
    StructType schema;

    SourceReader(SparkSession session) {
        this.session = session;
    }

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /** The format, e.g. {@code text}, {@code json}, {@code csv}, {@code kafka} (case-insensitive). */
    public R format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return self();
    }

    /** The row schema. */
    public R schema(StructType schema) {
        this.schema = schema;
        return self();
    }

    /** The row schema as DDL: {@code "time TIMESTAMP, action STRING"}. */
    public R schema(String ddl) {
        return schema(StructType.fromDDL(ddl));
    }

    /** An option: {@code mode}, {@code columnNameOfCorruptRecord}, {@code header}, {@code sep}, {@code pathGlobFilter}… */
    public R option(String key, String value) {
        options.put(key, value);
        return self();
    }

    /** An option (a long). */
    public R option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** An option (a double). */
    public R option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** An option (a boolean). */
    public R option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Options. */
    public R options(Map<String, String> more) {
        options.putAll(more);
        return self();
    }

    /** JSON lines (schema required). */
    public Dataset<Row> json(String path) {
        return format("json").load(path);
    }

    /** CSV lines (schema required): options {@code header}, {@code sep}, {@code nullValue}, {@code mode}… */
    public Dataset<Row> csv(String path) {
        return format("csv").load(path);
    }

    /** Text lines: one {@code value} row per line. */
    public Dataset<Row> text(String path) {
        return format("text").load(path);
    }

    /**
     * The Dataset of the source at {@code path}.
     *
     * @throws AnalysisException for an unknown format or option, or a missing option or schema
     */
    public abstract Dataset<Row> load(String path);
}
