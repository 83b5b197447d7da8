package io.streamling.connect.file;

import java.util.List;

/** Writes the JSON object a CSV row becomes: every value a string, keys from the header. */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /**
     * Quotes and escapes field names once per file.
     *
     * @param names the header's names
     * @return each name as a JSON string followed by {@code :}
     */
    static String[] keys(List<String> names) {
        String[] keys = new String[names.size()];
        for (int i = 0; i < keys.length; i++) {
            StringBuilder out = new StringBuilder();
            string(out, names.get(i));
            keys[i] = out.append(':').toString();
        }
        return keys;
    }

    /**
     * Writes one object.
     *
     * @param keys   the output of {@link #keys(List)}
     * @param values as many values as keys
     * @return the JSON object text
     */
    static String object(String[] keys, List<String> values) {
        StringBuilder out = new StringBuilder(16 * keys.length);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(keys[i]);
            string(out, values.get(i));
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
