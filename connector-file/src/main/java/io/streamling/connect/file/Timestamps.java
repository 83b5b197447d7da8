package io.streamling.connect.file;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads a record timestamp from a field's text: epoch milliseconds or an ISO-8601 date-time. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses a timestamp.
     *
     * @param text epoch milliseconds ({@code 1700000000000}, possibly with a fraction or exponent
     *             when it came from a JSON number), an instant ({@code 2024-01-02T03:04:05Z}) or an
     *             offset date-time ({@code 2024-01-02T03:04:05+01:00})
     * @return epoch milliseconds
     * @throws IllegalArgumentException saying what is accepted when the text is none of these
     */
    static long parse(String text) {
        String value = text.trim();
        if (!value.isEmpty() && (Character.isDigit(value.charAt(0)) || value.charAt(0) == '-')
                && value.indexOf('T') < 0) {
            try {
                // a fraction of a millisecond (from a JSON number such as 1.7e12) is dropped
                return new BigDecimal(value).setScale(0, RoundingMode.DOWN).longValueExact();
            } catch (NumberFormatException e) {
                // not a number: try the date-time forms
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is out of the range of epoch milliseconds");
            }
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + text + "' is neither epoch milliseconds nor an ISO-8601"
                        + " instant or offset date-time");
            }
        }
    }
}
