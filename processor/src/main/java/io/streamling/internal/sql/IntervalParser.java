package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import java.util.Locale;

/** Parses Spark interval strings such as {@code "10 minutes"}, {@code "1 hour"}, {@code "2 seconds"}. */
public final class IntervalParser {

    private IntervalParser() {
    }

    /** The interval in milliseconds; several {@code <n> <unit>} pairs add up. */
    public static long toMillis(String interval) {
        String[] words = interval.trim().toLowerCase(Locale.ROOT).replaceFirst("^interval\\s+", "").split("\\s+");
        if (words.length % 2 != 0) {
            throw new AnalysisException("The interval '" + interval + "' cannot be parsed.");
        }
        long total = 0;
        for (int i = 0; i < words.length; i += 2) {
            long n;
            try {
                n = Long.parseLong(words[i]);
            } catch (NumberFormatException e) {
                throw new AnalysisException("The interval '" + interval + "' cannot be parsed.");
            }
            total += n * unitMillis(words[i + 1], interval);
        }
        return total;
    }

    private static long unitMillis(String unit, String interval) {
        return switch (unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit) {
            case "millisecond", "m" -> 1;
            case "second", "sec" -> 1_000;
            case "minute", "min" -> 60_000;
            case "hour" -> 3_600_000;
            case "day" -> 86_400_000;
            case "week" -> 7 * 86_400_000L;
            default -> throw new AnalysisException("The interval '" + interval + "' has an unknown unit: " + unit);
        };
    }
}
