package io.streamling.internal.sql;

import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.Map;

/** What {@code readStream()...load()} asked for: the format, its options and the row schema. */
public record SourceSpec(String format, Map<String, String> options, StructType schema) implements Serializable {

    /** A source; the options are copied. */
    public SourceSpec {
        options = Map.copyOf(options);
    }

    /** The parser that turns the source's text lines into rows. */
    public RowParser parser() {
        return RowParser.of(format, schema, options.get("mode"), options.get("columnNameOfCorruptRecord"));
    }
}
