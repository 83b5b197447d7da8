package io.streamling.connect.file;

/**
 * A strict RFC 8259 JSON validator for one line of JSON Lines, which can also pick out one
 * top-level field of an object (for {@code timestamp.mode=field}). Nothing is materialised but
 * that field, so validating costs one pass and no garbage per value.
 */
final class JsonText {

    /** Deeper nesting is rejected, so a line of brackets cannot exhaust the stack. */
    private static final int MAX_DEPTH = 256;

    /**
     * The value of the requested top-level field.
     *
     * @param text   the field's text: a string's content (unescaped) or a number's digits;
     *               {@code null} when the value is not a string or number
     * @param string whether the value was a JSON string
     */
    record Field(String text, boolean string) {
    }

    private final String text;
    private final String wanted;
    private int pos;
    private Field found;

    private JsonText(String text, String wanted) {
        this.text = text;
        this.wanted = wanted;
    }

    /**
     * Validates a JSON text and returns one of its top-level fields.
     *
     * @param text  one JSON value, optionally surrounded by whitespace
     * @param field the top-level object field to return, or {@code null}
     * @return the field, or {@code null} when not asked for, or absent, or the value is not an object
     * @throws MalformedRecordException with position and reason when the text is not valid JSON
     *     (its positions are 0; the caller fills them in)
     */
    static Field parse(String text, String field) throws MalformedRecordException {
        JsonText parser = new JsonText(text, field);
        parser.skipWhitespace();
        parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return parser.found;
    }

    private void value(int depth) throws MalformedRecordException {
        if (pos >= text.length()) {
            throw error("expected a value but the line ended");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string(false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw error("unexpected character '" + printable(c) + "'");
                }
            }
        }
    }

    private void object(int depth) throws MalformedRecordException {
        checkDepth(depth);
        pos++; // {
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a field name in double quotes");
            }
            boolean capture = depth == 1 && wanted != null;
            String name = string(capture);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (capture && wanted.equals(name)) {
                found = fieldValue(depth);
            } else {
                value(depth);
            }
            skipWhitespace();
            char c = next("',' or '}'");
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}' but found '" + printable(c) + "'", pos - 1);
            }
        }
    }

    private Field fieldValue(int depth) throws MalformedRecordException {
        char c = peek();
        if (c == '"') {
            return new Field(string(true), true);
        }
        int start = pos;
        value(depth);
        boolean number = c == '-' || c >= '0' && c <= '9';
        return new Field(number ? text.substring(start, pos) : null, false);
    }

    private void array(int depth) throws MalformedRecordException {
        checkDepth(depth);
        pos++; // [
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            value(depth);
            skipWhitespace();
            char c = next("',' or ']'");
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or ']' but found '" + printable(c) + "'", pos - 1);
            }
        }
    }

    /** Parses a string at {@code pos}; returns its unescaped content when {@code capture}, else null. */
    private String string(boolean capture) throws MalformedRecordException {
        int start = pos;
        pos++; // opening quote
        StringBuilder out = capture ? new StringBuilder() : null;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string", start);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return capture ? out.toString() : null;
            }
            if (c < 0x20) {
                throw error("control character in a string (must be escaped)", pos - 1);
            }
            if (c != '\\') {
                if (capture) {
                    out.append(c);
                }
                continue;
            }
            char escaped = next("an escape character");
            char decoded = switch (escaped) {
                case '"', '\\', '/' -> escaped;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicodeEscape();
                default -> throw error("invalid escape '\\" + printable(escaped) + "'", pos - 2);
            };
            if (capture) {
                out.append(decoded);
            }
        }
    }

    private char unicodeEscape() throws MalformedRecordException {
        if (pos + 4 > text.length()) {
            throw error("incomplete \\u escape", pos - 2);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape", pos - 2);
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private void number() throws MalformedRecordException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("invalid number", start);
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("invalid number: no digit after '.'", start);
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("invalid number: no digit in exponent", start);
            }
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void literal(String word) throws MalformedRecordException {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal (expected " + word + ")");
        }
        pos += word.length();
    }

    private void expect(char c) throws MalformedRecordException {
        char actual = next("'" + c + "'");
        if (actual != c) {
            throw error("expected '" + c + "' but found '" + printable(actual) + "'", pos - 1);
        }
    }

    private char next(String expected) throws MalformedRecordException {
        if (pos >= text.length()) {
            throw error("expected " + expected + " but the line ended");
        }
        return text.charAt(pos++);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void checkDepth(int depth) throws MalformedRecordException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private MalformedRecordException error(String reason) {
        return error(reason, pos);
    }

    private MalformedRecordException error(String reason, int at) {
        return new MalformedRecordException("invalid JSON at character " + (at + 1) + ": " + reason, text, 0, 0, 0, 0);
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
