package io.streamling.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line as Spark's CSV reader does by default: fields separated by {@code sep},
 * optionally quoted with {@code "}, a quote inside a quoted field escaped with a backslash (Spark's
 * default {@code escape}) or doubled; whitespace is kept.
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
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
