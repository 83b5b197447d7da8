package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark's {@code Dataset.showString}: a {@code +---+} bordered table, cells padded to the column
 * width (at least 3), right-aligned when truncating, left-aligned otherwise; cells longer than
 * {@code truncate} cut to {@code truncate - 3} characters plus {@code ...}; top-level nulls print
 * {@code NULL} (Spark 3.5+), nested ones {@code null}; structs {@code {a, b}}, arrays {@code [a, b]}.
 */
public final class ShowString {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ShowString() {
    }

    /**
     * The table of the first {@code numRows} rows, as Spark 4's {@code showString}: it ends with a
     * newline (show() adds another), but for an "only showing top N rows" line, which ends it without.
     */
    public static String format(StructType schema, List<Row> rows, int numRows, int truncate, ZoneId zone) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of(schema.fieldNames())); // Spark truncates the cells, not the column names
        for (Row row : rows.subList(0, Math.min(numRows, rows.size()))) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < schema.size(); i++) {
                Object value = row.get(i);
                line.add(cut(value == null ? "NULL" : escapeMetaCharacters(cell(value, zone)), truncate));
            }
            cells.add(line);
        }
        int[] widths = new int[schema.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(Math.max(widths[i], 3), line.get(i).length());
            }
        }
        String sep = Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("+", "+", "+\n"));
        StringBuilder out = new StringBuilder(sep);
        for (int r = 0; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            StringBuilder text = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                String pad = " ".repeat(widths[i] - line.get(i).length());
                text.append(truncate > 0 ? pad + line.get(i) : line.get(i) + pad).append('|');
            }
            out.append(text).append('\n');
            if (r == 0) {
                out.append(sep);
            }
        }
        out.append(sep);
        if (rows.size() > numRows) {
            out.append("only showing top ").append(numRows).append(numRows == 1 ? " row" : " rows");
        }
        return out.toString();
    }

    /** A value as {@code cast(value as string)} prints it, in the session time zone. */
    public static String cell(Object value, ZoneId zone) {
        if (value == null) {
            return "null";
        } else if (value instanceof Timestamp ts) {
            return timestamp(ts, zone);
        } else if (value instanceof Row struct) {
            return Arrays.stream(struct.values()).map(v -> cell(v, zone)).collect(Collectors.joining(", ", "{", "}"));
        } else if (value instanceof List<?> list) {
            return list.stream().map(v -> cell(v, zone)).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof byte[] bytes) {
            // Spark shows binary as upper-case hex bytes: [61 62]
            StringBuilder hex = new StringBuilder("[");
            for (int i = 0; i < bytes.length; i++) {
                hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
            }
            return hex.append(']').toString();
        }
        return value.toString();
    }

    /**
     * A timestamp as Spark writes it: {@code yyyy-MM-dd HH:mm:ss} in {@code zone}, then the fraction
     * of a second to the microsecond without trailing zeros, if any. Written by hand for the years
     * 1 to 9999: casts to string and sinks write one per output row.
     */
    static String timestamp(Timestamp ts, ZoneId zone) {
        LocalDateTime time = LocalDateTime.ofInstant(ts.toInstant(), zone);
        int micros = ts.getNanos() / 1_000;
        if (time.getYear() < 1 || time.getYear() > 9999) {
            String text = SECONDS.format(time);
            return micros == 0 ? text : text + "." + fraction(micros);
        }
        StringBuilder text = new StringBuilder(26);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append(' ');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        return micros == 0 ? text.toString() : text.append('.').append(fraction(micros)).toString();
    }

    /** Microseconds as the digits after the point, without trailing zeros. */
    private static String fraction(int micros) {
        StringBuilder digits = digits(new StringBuilder(6), micros, 6);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    /** Control characters written as their escapes ({@code \t} as a backslash and a t), as Spark's show() does. */
    private static String escapeMetaCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\f' -> "\\f";
                case '\b' -> "\\b";
                case '\u000B' -> "\\v";
                case '\u0007' -> "\\a";
                default -> null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String cut(String text, int truncate) {
        if (truncate <= 0 || text.length() <= truncate) {
            return text;
        }
        return truncate < 4 ? text.substring(0, truncate) : text.substring(0, truncate - 3) + "...";
    }
}
