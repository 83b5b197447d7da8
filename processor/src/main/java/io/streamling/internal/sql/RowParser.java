package io.streamling.internal.sql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import io.streamling.api.Tuple2;
import io.streamling.internal.runtime.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a source's records into rows: {@code text} and {@code socket} give one {@code value}
 * column; {@code json} parses a JSON object per line and {@code csv} a delimited line against the
 * schema, with Spark's parse modes: PERMISSIVE (default: unparsable fields become null and the line
 * goes to the {@code _corrupt_record} column if the schema has one), DROPMALFORMED, FAILFAST;
 * {@code rate} sources give {@code (timestamp, value)}; {@code kafka} gives Spark's Kafka row.
 *
 * @param header whether the first line of each file is a header (csv)
 * @param sep the field separator (csv)
 * @param nullValue the text that stands for null (csv)
 * @param enforceSchema false: a csv header must name the schema's columns, in order (Spark's {@code enforceSchema})
 */
public record RowParser(String format, StructType schema, String mode, String corruptColumn, boolean header, char sep,
                        String nullValue, boolean enforceSchema) implements Serializable {

    /** The schema of the text and socket sources. */
    public static final StructType VALUE_SCHEMA = StructType.fromDDL("value STRING");
    /** The schema of the socket source with {@code includeTimestamp}: the line and its arrival time. */
    public static final StructType VALUE_TIMESTAMP_SCHEMA = StructType.fromDDL("value STRING, timestamp TIMESTAMP");
    /** The schema of the rate sources. */
    public static final StructType RATE_SCHEMA = StructType.fromDDL("timestamp TIMESTAMP, value BIGINT");
    /** The schema of the Kafka source. */
    public static final StructType KAFKA_SCHEMA = StructType.fromDDL("key BINARY, value BINARY, topic STRING, "
            + "partition INT, offset BIGINT, timestamp TIMESTAMP, timestampType INT");
    /** The schema of a Kafka header. */
    public static final StructType HEADER_SCHEMA = StructType.fromDDL("key STRING, value BINARY");
    /** The schema of the Kafka source with {@code includeHeaders}. */
    public static final StructType KAFKA_HEADERS_SCHEMA = KAFKA_SCHEMA.add("headers", ArrayTypes.of(HEADER_SCHEMA));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parser of a text, json or csv source with default csv settings. */
    public static RowParser of(String format, StructType schema, String mode, String corruptColumn) {
        return new RowParser(format, schema, checkMode(mode), corruptColumn == null ? "_corrupt_record" : corruptColumn,
                false, ',', "", true);
    }

    /** The parser of a source. */
    public static RowParser of(SourceSpec spec) {
        String sep = spec.option("sep", spec.option("delimiter", ","));
        return new RowParser(spec.format(), spec.schema(), checkMode(spec.option("mode")),
                spec.option("columnNameOfCorruptRecord", "_corrupt_record"), SourceOptions.bool(spec, "header"),
                CsvLine.separator(sep), spec.option("nullValue", ""), !spec.has("enforceSchema")
                || SourceOptions.bool(spec, "enforceSchema"));
    }

    private static String checkMode(String mode) {
        String m = mode == null ? "PERMISSIVE" : mode.toUpperCase(Locale.ROOT);
        if (!List.of("PERMISSIVE", "DROPMALFORMED", "FAILFAST").contains(m)) {
            throw new IllegalArgumentException(mode + " is not a valid parse mode. Valid modes are PERMISSIVE, DROPMALFORMED and FAILFAST.");
        }
        return m;
    }

    /** The rows of one source element: a line, a whole record, or a generated {@code (timestamp, value)}. */
    public List<Row> parse(Object element) {
        if (element instanceof Tuple2<?, ?> generated) {
            return List.of(new Row(schema, new Timestamp((Long) generated._1()), generated._2()));
        }
        if (element instanceof KafkaRecord record) {
            if (format.equals("kafka")) {
                return List.of(kafkaRow(record));
            }
            if (header && format.equals("csv") && FileSources.lineOf(record) == 1) {
                // Spark skips the first line of each file
                checkHeader(new String(record.value(), StandardCharsets.UTF_8),
                        record.headerText(io.streamling.connect.file.Headers.PATH));
                return List.of();
            }
            String line = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            if (format.equals("socket")) {
                // includeTimestamp: the time the connector received the line (the record's timestamp)
                return List.of(new Row(schema, line, new Timestamp(record.timestamp())));
            }
            return parse(line);
        }
        return parse((String) element);
    }

    /** The rows of one line: one, or none when DROPMALFORMED drops it or the line is blank (json, csv). */
    public List<Row> parse(String line) {
        if (format.equals("json")) {
            return line.isBlank() ? List.of() : json(line);
        } else if (format.equals("csv")) {
            return line.isBlank() ? List.of() : csv(line);
        }
        return List.of(new Row(schema, line));
    }

    /**
     * With {@code enforceSchema=false}, checks a csv header line against the schema as Spark's
     * {@code CSVHeaderChecker} does (case-insensitively).
     *
     * @throws IllegalArgumentException with Spark's message naming the first column that differs
     */
    public void checkHeader(String line, String file) {
        if (enforceSchema) {
            return;
        }
        List<String> names = CsvLine.split(line, sep);
        List<String> fields = java.util.Arrays.stream(schema.fieldNames()).filter(n -> !n.equals(corruptColumn)).toList();
        String source = "CSV file: " + file;
        if (names.size() != fields.size()) {
            throw new IllegalArgumentException("Number of column in CSV header is not equal to number of fields in the schema:\n"
                    + " Header length: " + names.size() + ", schema size: " + fields.size() + "\n" + source);
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equalsIgnoreCase(fields.get(i))) {
                throw new IllegalArgumentException("CSV header does not conform to the schema.\n"
                        + " Header: " + String.join(", ", names) + "\n"
                        + " Schema: " + String.join(", ", fields) + "\n"
                        + "Expected: " + fields.get(i) + " but found: " + names.get(i) + "\n" + source);
            }
        }
    }

    private Row kafkaRow(KafkaRecord record) {
        Object[] values = {record.key(), record.value(), record.topic(), record.partition(), record.offset(),
                new Timestamp(record.timestamp()), record.timestampType(), null};
        if (schema.size() == 8) {
            List<Row> headers = new ArrayList<>();
            record.headers().forEach(h -> headers.add(new Row(HEADER_SCHEMA, h.key(), h.value())));
            values[7] = headers;
            return new Row(schema, values);
        }
        return new Row(schema, java.util.Arrays.copyOf(values, 7));
    }

    private List<Row> json(String line) {
        Object[] values = new Object[schema.size()];
        String problem = null;
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                problem = "not a JSON object";
            } else {
                for (int i = 0; i < schema.size(); i++) {
                    String name = schema.apply(i).name();
                    JsonNode field = node.get(name);
                    if (name.equals(corruptColumn) || field == null || field.isNull()) {
                        continue;
                    }
                    try {
                        DataType type = schema.apply(i).dataType();
                        values[i] = field.isNumber() && type.equals(DataTypes.StringType)
                                ? numberText(line, name) : convert(field, type);
                    } catch (RuntimeException e) {
                        problem = mismatch(field.toString(), name, schema.apply(i).dataType());
                    }
                }
            }
        } catch (java.io.IOException e) {
            problem = "not valid JSON";
            values = new Object[schema.size()];
        }
        return problem == null ? List.of(new Row(schema, values)) : malformed(values, line, problem);
    }

    /**
     * The text of the top-level number {@code name} as written ({@code 1e3}, not {@code 1000.0}):
     * what Spark gives when a JSON number is read into a string column.
     */
    private static String numberText(String line, String name) throws java.io.IOException {
        String text = null;
        try (JsonParser parser = JSON.createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals(name)) {
                    text = parser.getText(); // the last of repeated keys wins, as in the tree
                }
                parser.skipChildren();
            }
        }
        return text;
    }

    private List<Row> csv(String line) {
        List<String> tokens = CsvLine.split(line, sep);
        Object[] values = new Object[schema.size()];
        String problem = null;
        int column = 0;
        for (int i = 0; i < schema.size(); i++) {
            String name = schema.apply(i).name();
            if (name.equals(corruptColumn)) {
                continue;
            }
            String token = column < tokens.size() ? tokens.get(column) : null;
            column++;
            if (token == null || token.equals(nullValue)) {
                continue;
            }
            try {
                values[i] = convertText(token, schema.apply(i).dataType());
            } catch (RuntimeException e) {
                if (problem == null) {
                    problem = mismatch(token, name, schema.apply(i).dataType());
                }
            }
        }
        if (problem == null && tokens.size() != column) {
            // Spark's CSV reader: a line with more or fewer fields than the schema is malformed
            problem = "the line has " + tokens.size() + " fields, the schema " + column;
        }
        return problem == null ? List.of(new Row(schema, values)) : malformed(values, line, problem);
    }

    private static String mismatch(String value, String column, DataType type) {
        return "cannot parse " + value + " as " + type.simpleString().toUpperCase(Locale.ROOT) + " for column `" + column + "`";
    }

    private List<Row> malformed(Object[] values, String line, String problem) {
        switch (mode) {
            case "DROPMALFORMED":
                return List.of();
            case "FAILFAST": {
                Object[] partial = values.clone();
                for (int i = 0; i < schema.size(); i++) {
                    if (schema.apply(i).name().equals(corruptColumn)) {
                        partial[i] = line;
                    }
                }
                throw new IllegalStateException("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are "
                        + "detected in record parsing: " + new Row(schema, partial) + ". Parse Mode: FAILFAST. To process "
                        + "malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.",
                        new IllegalArgumentException("Malformed " + format + " record (" + problem + "): " + line));
            }
            default:
                for (int i = 0; i < schema.size(); i++) {
                    if (schema.apply(i).name().equals(corruptColumn)) {
                        values[i] = line;
                    }
                }
                return List.of(new Row(schema, values));
        }
    }

    /** A CSV field as Spark's CSV reader converts it (no trimming; {@code NaN}, {@code Inf}, {@code -Inf} for doubles). */
    private static Object convertText(String token, DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return token;
        } else if (type.equals(DataTypes.IntegerType)) {
            return Integer.parseInt(token);
        } else if (type.equals(DataTypes.LongType)) {
            return Long.parseLong(token);
        } else if (type.equals(DataTypes.DoubleType)) {
            return switch (token) {
                case "NaN" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(token);
            };
        } else if (type.equals(DataTypes.BooleanType)) {
            if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(token);
            }
        } else if (type.equals(DataTypes.TimestampType)) {
            return parseTimestamp(token);
        }
        throw new IllegalArgumentException("cannot convert " + token + " to " + type);
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
            // Spark reads a whole JSON number as seconds since the epoch (a fraction is malformed), a string as CAST does
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return new Timestamp(Math.multiplyExact(node.asLong(), 1000L));
            } else if (node.isTextual()) {
                return parseTimestamp(node.asText());
            }
        }
        throw new IllegalArgumentException("cannot convert " + node + " to " + type);
    }

    /**
     * A timestamp as Spark reads one from text ({@link TimestampText}); no zone means UTC.
     *
     * @throws IllegalArgumentException when Spark would not read {@code text} as a timestamp
     */
    static Timestamp parseTimestamp(String text) {
        Timestamp parsed = TimestampText.parse(text, ZoneOffset.UTC);
        if (parsed == null) {
            throw new IllegalArgumentException("not a timestamp: " + text);
        }
        return parsed;
    }
}
