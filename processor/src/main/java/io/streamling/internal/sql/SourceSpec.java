package io.streamling.internal.sql;

import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code readStream()...load()} asked for: the format, its options and the row schema.
 * Option keys are case-insensitive, as in Spark.
 */
public record SourceSpec(String format, Map<String, String> options, StructType schema) implements Serializable {

    /** A source; the options are copied. */
    public SourceSpec {
        options = Map.copyOf(options);
    }

    /**
     * Whether boolean option {@code key} is {@code true} (false when absent).
     *
     * @throws IllegalArgumentException naming the option when its value is neither true nor false
     */
    public boolean flag(String key) {
        return SourceOptions.bool(this, key);
    }

    /** The value of option {@code key} (any case), or null. */
    public String option(String key) {
        for (Map.Entry<String, String> entry : options.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value of option {@code key}, or {@code defaultValue}. */
    public String option(String key, String defaultValue) {
        String value = option(key);
        return value == null ? defaultValue : value;
    }

    /** Whether option {@code key} (any case) is set. */
    public boolean has(String key) {
        return option(key) != null;
    }

    /** Whether this is a file source ({@code text}, {@code json}, {@code csv}). */
    public boolean isFileSource() {
        return SourceOptions.FILE_FORMATS.contains(format.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks the options as Spark does, and refuses options Streamling does not know.
     *
     * @throws io.streamling.sql.AnalysisException naming an unknown format or option
     * @throws IllegalArgumentException with Spark's message for a bad option value
     */
    public SourceSpec validate() {
        SourceOptions.validate(this);
        parser();
        return this;
    }

    /** As {@link #validate()}, for a static read ({@code spark.read()}): Kafka's batch rules. */
    public SourceSpec validateStatic() {
        SourceOptions.validate(this, false);
        parser();
        return this;
    }

    /** The parser that turns the source's records into rows. */
    public RowParser parser() {
        return RowParser.of(this);
    }
}
