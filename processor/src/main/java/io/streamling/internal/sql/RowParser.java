package io.streamling.internal.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Turns the lines of a text source into rows: {@code text} and {@code socket} give one
 * {@code value} column; {@code json} parses a JSON object per line against the schema, with
 * Spark's parse modes: PERMISSIVE (default: unparsable fields become null and the line goes to the
 * {@code _corrupt_record} column if the schema has one), DROPMALFORMED, FAILFAST.
 */
public record RowParser(String format, StructType schema, String mode, String corruptColumn) implements Serializable {

    /** The schema of the text and socket sources. */
    public static final StructType VALUE_SCHEMA = StructType.fromDDL("value STRING");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ZONED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd['T'][' ']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendPattern("XXX").optionalEnd()
            .optionalStart().appendPattern("XX").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** The parser of a source format. */
    public static RowParser of(String format, StructType schema, String mode, String corruptColumn) {
        String m = mode == null ? "PERMISSIVE" : mode.toUpperCase(Locale.ROOT);
        if (!List.of("PERMISSIVE", "DROPMALFORMED", "FAILFAST").contains(m)) {
            throw new IllegalArgumentException(mode + " is not a valid parse mode. Valid modes are PERMISSIVE, DROPMALFORMED and FAILFAST.");
        }
        return new RowParser(format, schema, m, corruptColumn == null ? "_corrupt_record" : corruptColumn);
    }

    /** The rows of one line: one, or none when DROPMALFORMED drops it. */
    public List<Row> parse(String line) {
        if (!format.equals("json")) {
            return List.of(new Row(schema, line));
        }
        Object[] values = new Object[schema.size()];
        boolean corrupt = false;
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                corrupt = true;
            } else {
                for (int i = 0; i < schema.size(); i++) {
                    String name = schema.apply(i).name();
                    JsonNode field = node.get(name);
                    if (name.equals(corruptColumn) || field == null || field.isNull()) {
                        continue;
                    }
                    try {
                        values[i] = convert(field, schema.apply(i).dataType());
                    } catch (RuntimeException e) {
                        corrupt = true;
                    }
                }
            }
        } catch (java.io.IOException e) {
            corrupt = true;
            values = new Object[schema.size()];
        }
        if (!corrupt) {
            return List.of(new Row(schema, values));
        }
        switch (mode) {
            case "DROPMALFORMED":
                return List.of();
            case "FAILFAST":
                throw new IllegalStateException("Malformed records are detected in record parsing. Parse Mode: FAILFAST. "
                        + "To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. Record: " + line);
            default:
                for (int i = 0; i < schema.size(); i++) {
                    if (schema.apply(i).name().equals(corruptColumn)) {
                        values[i] = line;
                    }
                }
                return List.of(new Row(schema, values));
        }
    }

    private static Object convert(JsonNode node, DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return node.isTextual() ? node.asText() : node.toString();
        } else if (type.equals(DataTypes.LongType) && node.canConvertToLong() && node.isIntegralNumber()) {
            return node.asLong();
        } else if (type.equals(DataTypes.IntegerType) && node.canConvertToInt() && node.isIntegralNumber()) {
            return node.asInt();
        } else if (type.equals(DataTypes.DoubleType) && node.isNumber()) {
            return node.asDouble();
        } else if (type.equals(DataTypes.BooleanType) && node.isBoolean()) {
            return node.asBoolean();
        } else if (type.equals(DataTypes.TimestampType)) {
            // Spark reads a JSON number as seconds since the epoch, a string in ISO-8601 form
            if (node.isNumber()) {
                return new Timestamp(Math.round(node.asDouble() * 1000));
            } else if (node.isTextual()) {
                return parseTimestamp(node.asText());
            }
        }
        throw new IllegalArgumentException("cannot convert " + node + " to " + type);
    }

    /** Parses {@code 2016-07-28T04:19:28.000+0000}, {@code 2016-07-28 04:19:28}, {@code …Z}; no zone means UTC. */
    static Timestamp parseTimestamp(String text) {
        var parsed = ZONED.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        Instant instant = parsed instanceof OffsetDateTime odt ? odt.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        return Timestamp.from(instant);
    }
}
