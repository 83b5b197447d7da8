package io.streamling.connect.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into fields (RFC 4180): fields separated by one character, optionally
 * quoted with {@code "}, a quote inside a quoted field doubled. A quote is only allowed at the
 * start of a field; anything else between a closing quote and the next separator is malformed.
 */
final class CsvParser {

    private static final char QUOTE = '"';

    private final char separator;

    /**
     * @param separator the field separator
     */
    CsvParser(char separator) {
        this.separator = separator;
    }

    /**
     * Splits a record.
     *
     * @param text the record's text (lines joined with {@code \n} when a quoted field spans lines)
     * @return the fields, or {@code null} when the text ends inside a quoted field, so the record
     *     continues on the next line
     * @throws MalformedRecordException if the record is not valid CSV (its positions are 0)
     */
    List<String> split(String text) throws MalformedRecordException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == QUOTE) {
                int opening = i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = text.charAt(i++);
                    if (c != QUOTE) {
                        field.append(c);
                    } else if (i < n && text.charAt(i) == QUOTE) {
                        field.append(QUOTE);
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && text.charAt(i) != separator) {
                    throw malformed(text, "unexpected '" + text.charAt(i) + "' after the quoted field starting at"
                            + " character " + (opening + 1));
                }
            } else {
                int start = i;
                while (i < n && text.charAt(i) != separator) {
                    if (text.charAt(i) == QUOTE) {
                        throw malformed(text, "quote inside an unquoted field at character " + (i + 1));
                    }
                    i++;
                }
                field.append(text, start, i);
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the separator; a trailing one means one more, empty, field
        }
    }

    private static MalformedRecordException malformed(String text, String reason) {
        return new MalformedRecordException("invalid CSV: " + reason, text, 0, 0, 0, 0);
    }
}
