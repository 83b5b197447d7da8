package io.streamling.internal.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One row as a line of the file sink's format, with Spark's writer defaults: JSON leaves null
 * fields out; CSV has no header, {@code ,} separators, quotes only where needed (escaping quotes
 * with a backslash), trims spaces and writes null as nothing and "" as {@code ""}; text writes the
 * single string column. Timestamps are {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the session time zone.
 */
abstract class RowFormatter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final JsonFactory JSON = new JsonFactory();

    final StructType schema;
    final ZoneId zone;

    RowFormatter(StructType schema, ZoneId zone) {
        this.schema = schema;
        this.zone = zone;
    }

    static RowFormatter of(String format, StructType schema, Map<String, String> options, ZoneId zone) {
        return switch (format) {
            case "json" -> new Json(schema, zone);
            case "csv" -> new Csv(schema, zone, options);
            case "text" -> new Text(schema, zone);
            default -> throw new IllegalArgumentException("no file format " + format);
        };
    }

    /**
     * A struct as one JSON object, as Spark's {@code to_json} writes it: null fields left out,
     * timestamps {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in {@code zone}.
     */
    static String json(Row struct, ZoneId zone) {
        return new Json(struct.schema(), zone).format(struct.values());
    }

    /** The file name extension, with its dot. */
    abstract String extension();

    /** What each file starts with. */
    String header() {
        return "";
    }

    /** The values of one row (the data columns), as one line without its line break. */
    abstract String format(Object[] values);

    String timestamp(Timestamp ts) {
        return TIMESTAMP.format(ts.toInstant().atZone(zone));
    }

    private static final class Json extends RowFormatter {

        Json(StructType schema, ZoneId zone) {
            super(schema, zone);
        }

        @Override
        String extension() {
            return ".json";
        }

        @Override
        String format(Object[] values) {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(out)) {
                writeStruct(json, schema.fieldNames(), values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        private void writeStruct(JsonGenerator json, String[] names, Object[] values) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null) {
                    json.writeFieldName(names[i]);
                    writeValue(json, values[i]);
                }
            }
            json.writeEndObject();
        }

        private void writeValue(JsonGenerator json, Object value) throws IOException {
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Row row) {
                writeStruct(json, row.schema().fieldNames(), row.values());
            } else if (value instanceof List<?> list) {
                json.writeStartArray();
                for (Object element : list) {
                    writeValue(json, element);
                }
                json.writeEndArray();
            } else if (value instanceof Timestamp ts) {
                json.writeString(timestamp(ts));
            } else if (value instanceof Integer n) {
                json.writeNumber(n);
            } else if (value instanceof Long n) {
                json.writeNumber(n);
            } else if (value instanceof Double d) {
                json.writeNumber(d);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof byte[] bytes) {
                json.writeBinary(bytes);
            } else {
                json.writeString(value.toString());
            }
        }
    }

    private static final class Csv extends RowFormatter {

        private final String separator;
        private final boolean header;

        Csv(StructType schema, ZoneId zone, Map<String, String> options) {
            super(schema, zone);
            this.separator = options.getOrDefault("sep", options.getOrDefault("delimiter", ","));
            this.header = Boolean.parseBoolean(options.getOrDefault("header", "false"));
        }

        @Override
        String extension() {
            return ".csv";
        }

        @Override
        String header() {
            if (!header) {
                return "";
            }
            StringBuilder line = new StringBuilder();
            String[] names = schema.fieldNames();
            for (int i = 0; i < names.length; i++) {
                line.append(i > 0 ? separator : "").append(field(names[i]));
            }
            return line.append('\n').toString();
        }

        @Override
        String format(Object[] values) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(separator);
                }
                Object value = values[i];
                if (value != null) {
                    line.append(field(value instanceof Timestamp ts ? timestamp(ts) : ShowString.cell(value, zone)));
                }
            }
            return line.toString();
        }

        private String field(String raw) {
            String text = raw.strip();
            if (text.isEmpty()) {
                return "\"\"";
            }
            if (text.contains(separator) || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                return '"' + text.replace("\"", "\\\"") + '"';
            }
            return text;
        }
    }

    private static final class Text extends RowFormatter {

        Text(StructType schema, ZoneId zone) {
            super(schema, zone);
        }

        @Override
        String extension() {
            return ".txt";
        }

        @Override
        String format(Object[] values) {
            // a null value is an empty line, as Spark's text writer does
            return values[0] == null ? "" : values[0].toString();
        }
    }
}
