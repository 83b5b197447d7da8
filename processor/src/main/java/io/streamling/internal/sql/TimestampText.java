package io.streamling.internal.sql;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Reads a timestamp from text the way Spark's {@code CAST(string AS TIMESTAMP)} does (its
 * {@code DateTimeUtils.stringToTimestamp}), which is also how its JSON and CSV readers and
 * {@code to_timestamp} without a format read one: {@code yyyy}, {@code yyyy-[m]m},
 * {@code yyyy-[m]m-[d]d}, then {@code [ T][h]h:[m]m[:[s]s[.fraction]]} and a zone ({@code Z},
 * {@code +hh}, {@code +hh:mm}, {@code +hhmm}, {@code UTC}, {@code GMT+01:00}, a region such as
 * {@code Europe/Paris}, with or without a space before it), or a time alone ({@code T10:00:00},
 * {@code 10:00:00}) on today's date. Surrounding whitespace is ignored, fractions past microseconds
 * are cut, and an impossible date or time (February 30, hour 24) is not a timestamp.
 */
final class TimestampText {

    private static final int YEAR = 0;
    private static final int HOUR = 3;
    private static final int SECOND = 5;
    private static final int FRACTION = 6;
    private static final int ZONE = 7;

    private TimestampText() {
    }

    /**
     * The timestamp {@code text} denotes, in {@code defaultZone} unless it names a zone.
     *
     * @return the timestamp, or null when Spark would not read {@code text} as one
     */
    static Timestamp parse(String text, ZoneId defaultZone) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        int[] segments = {1, 1, 1, 0, 0, 0, 0};
        int i = YEAR;
        int value = 0;
        int digits = 0;
        int fractionDigits = 0;
        int yearSign = 0;
        boolean justTime = false;
        String zone = null;
        int j = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            yearSign = s.charAt(0) == '-' ? -1 : 1;
            j = 1;
        }
        for (; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c >= '0' && c <= '9') {
                if (i == FRACTION) {
                    fractionDigits++;
                }
                if (i != FRACTION || digits < 6) { // past microseconds: cut
                    value = value * 10 + (c - '0');
                }
                digits++;
                continue;
            }
            if (j == 0 && c == 'T') {
                justTime = true;
                i = HOUR;
                continue;
            }
            boolean next;
            if (i < 2) {
                if (c == ':' && i == YEAR && yearSign == 0) { // a time alone: 10:00:00
                    justTime = true;
                    if (!validDigits(HOUR, digits)) {
                        return null;
                    }
                    segments[HOUR] = value;
                    value = 0;
                    digits = 0;
                    i = HOUR + 1;
                    continue;
                }
                next = c == '-';
            } else if (i == 2) {
                next = c == ' ' || c == 'T';
            } else if (i == HOUR || i == HOUR + 1) {
                next = c == ':'; // a zone comes after the seconds only
            } else if (i == SECOND && c == '.') {
                next = true;
            } else if (i == SECOND || i == FRACTION) {
                zone = s.substring(j);
                next = true;
                j = s.length();
            } else {
                return null;
            }
            if (!next || !validDigits(i, digits)) {
                return null;
            }
            segments[i] = value;
            value = 0;
            digits = 0;
            i++;
        }
        if (i < ZONE) {
            if (!validDigits(i, digits)) {
                return null;
            }
            segments[i] = value;
        }
        for (; fractionDigits < 6; fractionDigits++) {
            segments[FRACTION] *= 10;
        }
        return timestamp(segments, yearSign, justTime, zone, defaultZone);
    }

    private static Timestamp timestamp(int[] segments, int yearSign, boolean justTime, String zone, ZoneId defaultZone) {
        try {
            ZoneId zoneId = zone == null ? defaultZone : zoneId(zone.strip());
            LocalTime time = LocalTime.of(segments[HOUR], segments[HOUR + 1], segments[SECOND], segments[FRACTION] * 1000);
            LocalDate date = justTime ? LocalDate.now(zoneId)
                    : LocalDate.of(yearSign < 0 ? -segments[YEAR] : segments[YEAR], segments[1], segments[2]);
            return Timestamp.from(ZonedDateTime.of(date, time, zoneId).toInstant());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A zone as Spark reads one: {@code +h:mm} and {@code +hh:m} too, and the short ids ({@code PST}). */
    private static ZoneId zoneId(String zone) {
        String formatted = zone.replaceFirst("^([+\\-])(\\d):", "$10$2:").replaceFirst("^([+\\-]\\d\\d):(\\d)$", "$1:0$2");
        return ZoneId.of(formatted, ZoneId.SHORT_IDS);
    }

    /** Spark's digit counts: a year of 4 to 6 digits, 1 or 2 for the other fields, any for the fraction. */
    private static boolean validDigits(int segment, int digits) {
        if (segment == FRACTION) {
            return true;
        }
        if (segment == YEAR) {
            return digits >= 4 && digits <= 6;
        }
        return digits > 0 && digits <= 2;
    }
}
