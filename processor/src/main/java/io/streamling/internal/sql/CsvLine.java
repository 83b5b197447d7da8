package io.streamling.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line as Spark's CSV reader (univocity) does with its defaults: fields separated by
 * {@code sep}; a field that starts with {@code "} is quoted, {@code \"} in it is a quote, and an
 * unclosed quote runs to the end of the line; whitespace is kept, but spaces after a closing quote
 * are dropped. A quote inside a quoted field that is neither escaped nor followed by the separator
 * makes the field its raw text up to the next separator (univocity's {@code STOP_AT_DELIMITER}):
 * {@code "a""b"} reads as itself, as Spark does, since its {@code escape} is a backslash. A quote
 * inside an unquoted field, and a backslash outside quotes, are plain characters.
 */
final class CsvLine {

    private CsvLine() {
    }

    /** The separator character of a {@code sep} option ({@code "\t"} is a tab, as in Spark); 0 when empty. */
    static char separator(String sep) {
        if (sep.isEmpty()) {
            return 0;
        }
        if (sep.equals("\\t")) {
            return '\t';
        }
        if (sep.length() != 1 && !sep.equals("\\u0000")) {
            throw new IllegalArgumentException("Delimiter cannot be more than one character: " + sep);
        }
        return sep.charAt(0);
    }

    /** The fields of {@code line}. */
    static List<String> split(String line, char sep) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = start < line.length() && line.charAt(start) == '"'
                    ? quoted(line, start, sep, fields) : unquoted(line, start, sep, fields);
            if (end >= line.length()) {
                return fields;
            }
            start = end + 1; // past the separator
        }
    }

    /** Adds the unquoted field at {@code start}; returns the index of the separator after it, or the line's length. */
    private static int unquoted(String line, int start, char sep, List<String> fields) {
        int end = line.indexOf(sep, start);
        end = end < 0 ? line.length() : end;
        fields.add(line.substring(start, end));
        return end;
    }

    /** Adds the quoted field at {@code start}; returns the index of the separator after it, or the line's length. */
    private static int quoted(String line, int start, char sep, List<String> fields) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                value.append('"');
                i += 2;
            } else if (c == '"') {
                int next = i + 1;
                while (next < line.length() && line.charAt(next) == ' ') {
                    next++;
                }
                if (next < line.length() && line.charAt(next) != sep) {
                    return unquoted(line, start, sep, fields); // an unescaped quote: the raw text
                }
                fields.add(value.toString());
                return next;
            } else {
                value.append(c);
                i++;
            }
        }
        fields.add(value.toString()); // never closed: the rest of the line
        return line.length();
    }
}
