package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options each source understands, and their checks with Spark's messages. Spark ignores an
 * option it does not know; Streamling refuses it, naming it, so that an option it does not
 * implement never silently changes a result.
 */
final class SourceOptions {

    /** The file source formats. */
    static final Set<String> FILE_FORMATS = Set.of("text", "json", "csv");

    private static final List<String> FILE = List.of("path", "maxFilesPerTrigger", "maxBytesPerTrigger", "latestFirst",
            "maxFileAge", "fileNameOnly", "cleanSource", "sourceArchiveDir", "pathGlobFilter", "recursiveFileLookup");
    private static final List<String> PARSED = List.of("mode", "columnNameOfCorruptRecord");
    private static final Map<String, List<String>> KNOWN = Map.of(
            "text", FILE,
            "json", concat(FILE, PARSED),
            "csv", concat(FILE, PARSED, List.of("header", "sep", "delimiter", "nullValue", "enforceSchema")),
            "socket", List.of("host", "port", "includeTimestamp"),
            "rate", List.of("rowsPerSecond", "rampUpTime", "numPartitions"),
            "rate-micro-batch", List.of("rowsPerBatch", "numPartitions", "startTimestamp", "advanceMillisPerBatch"),
            "kafka", List.of("subscribe", "assign", "subscribePattern", "kafka.bootstrap.servers", "startingOffsets",
                    "endingOffsets", "maxOffsetsPerTrigger", "includeHeaders", "failOnDataLoss"));
    private static final List<String> STRATEGIES = List.of("subscribe", "subscribepattern", "assign");
    private static final Pattern TIME = Pattern.compile("(-?[0-9]+)([a-z]+)?");

    private SourceOptions() {
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    /** Checks a streaming source. */
    static void validate(SourceSpec spec) {
        validate(spec, true);
    }

    /** Checks a source of a streaming query, or of a static read. */
    static void validate(SourceSpec spec, boolean streaming) {
        String format = spec.format();
        List<String> known = KNOWN.get(format);
        if (known == null) {
            if (List.of("parquet", "orc", "avro").contains(format)) {
                throw new AnalysisException("Streamling does not support the " + format + " source yet; "
                        + "its sources are " + String.join(", ", KNOWN.keySet().stream().sorted().toList()) + ".");
            }
            throw new AnalysisException("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: " + format + ".");
        }
        for (String key : spec.options().keySet()) {
            boolean ok = known.stream().anyMatch(k -> k.equalsIgnoreCase(key))
                    || format.equals("kafka") && key.toLowerCase(Locale.ROOT).startsWith("kafka.");
            if (!ok) {
                throw new AnalysisException("Unknown option '" + key + "' for the " + format + " source; Streamling "
                        + "supports: " + String.join(", ", known) + ".");
            }
        }
        if (FILE_FORMATS.contains(format)) {
            validateFile(spec);
        }
        switch (format) {
            case "rate" -> {
                positive(spec, "rowsPerSecond", 1);
                if (rampUpSeconds(spec) < 0) {
                    throw new IllegalArgumentException("Invalid value '" + rampUpSeconds(spec)
                            + "'. The option 'rampUpTime' must not be negative");
                }
                numPartitions(spec);
            }
            case "rate-micro-batch" -> {
                positive(spec, "rowsPerBatch", 0);
                numPartitions(spec);
                nonNegative(spec, "startTimestamp", 0);
                nonNegative(spec, "advanceMillisPerBatch", 1000);
            }
            case "kafka" -> KafkaOptions.validate(spec, streaming);
            default -> {
            }
        }
    }

    private static void validateFile(SourceSpec spec) {
        Long files = positiveInt(spec, "maxFilesPerTrigger");
        Long bytes = positiveInt(spec, "maxBytesPerTrigger");
        if (files != null && bytes != null) {
            throw new IllegalArgumentException("Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' "
                    + "can't be both set at the same time");
        }
        bool(spec, "latestFirst");
        bool(spec, "fileNameOnly");
        bool(spec, "recursiveFileLookup");
        bool(spec, "enforceSchema");
        timeStringAsMs(spec.option("maxFileAge", "7d"));
        String clean = spec.option("cleanSource");
        if (clean != null && !List.of("ARCHIVE", "DELETE", "OFF").contains(clean.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid mode for clean source option Some(" + clean + ")."
                    + " Must be one of ARCHIVE,DELETE,OFF");
        }
        if (clean != null && clean.equalsIgnoreCase("archive") && !spec.has("sourceArchiveDir")) {
            throw new IllegalArgumentException("Archive mode must be used with 'sourceArchiveDir' option.");
        }
        if (bool(spec, "fileNameOnly") && (FileSources.isGlob(spec.option("path", ""))
                || bool(spec, "recursiveFileLookup"))) {
            // in one directory names are unique, so matching by name is matching by path; across
            // directories the file connector still tells files apart by path
            throw new UnsupportedOperationException("Streamling supports fileNameOnly=true only for a single directory "
                    + "(no glob in the path, no recursiveFileLookup)");
        }
        String sep = spec.option("sep", spec.option("delimiter"));
        if (sep != null && CsvLine.separator(sep) == 0) {
            throw new IllegalArgumentException("Delimiter cannot be empty string");
        }
    }

    /** The value of a boolean option, false when absent; Spark's message when not a boolean. */
    static boolean bool(SourceSpec spec, String key) {
        String text = spec.option(key);
        if (text == null) {
            return false;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("Invalid value '" + text + "' for option '" + key + "', must be 'true' or 'false'");
    }

    private static Long positiveInt(SourceSpec spec, String key) {
        String text = spec.option(key);
        if (text == null) {
            return null;
        }
        try {
            long value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Spark's message below
        }
        throw new IllegalArgumentException("Invalid value '" + text + "' for option '" + key + "', must be a positive integer");
    }

    /** A long option that must be positive, with the rate sources' message. */
    static long positive(SourceSpec spec, String key, long defaultValue) {
        long value = Long.parseLong(spec.option(key, Long.toString(defaultValue)).trim());
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid value '" + value + "'. The option '" + key + "' must be positive");
        }
        return value;
    }

    /** A long option that must be 0 or more, with the rate sources' message. */
    static long nonNegative(SourceSpec spec, String key, long defaultValue) {
        long value = Long.parseLong(spec.option(key, Long.toString(defaultValue)).trim());
        if (value < 0) {
            throw new IllegalArgumentException("Invalid value '" + value + "'. The option '" + key + "' must be non-negative");
        }
        return value;
    }

    /**
     * The rate sources' {@code numPartitions}: it orders each batch's rows as Spark's partitions
     * do. The default, 2, is Spark's default parallelism under {@code local[2]}.
     */
    static int numPartitions(SourceSpec spec) {
        int value = Integer.parseInt(spec.option("numPartitions", "2").trim());
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid value '" + value + "'. The option 'numPartitions' must be positive");
        }
        return value;
    }

    /** {@code rampUpTime} in whole seconds (finer units truncate, as in Spark). */
    static long rampUpSeconds(SourceSpec spec) {
        String text = spec.option("rampUpTime");
        return text == null ? 0 : timeStringAsMs(text, "s") / 1000;
    }

    /** Spark's {@code Utils.timeStringAsMs}: {@code 7d}, {@code 1h}, {@code 30s}, {@code 100ms}; a bare number is ms. */
    static long timeStringAsMs(String text) {
        return timeStringAsMs(text, "ms");
    }

    private static long timeStringAsMs(String text, String defaultUnit) {
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new NumberFormatException("Failed to parse time string: " + text);
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? defaultUnit : m.group(2);
        long ms = switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m", "min" -> value * 60_000;
            case "h" -> value * 3_600_000;
            case "d" -> value * 86_400_000;
            default -> throw new NumberFormatException("Invalid suffix: \"" + unit + "\"");
        };
        return ms;
    }

    /** The Kafka source's strategy option keys that are set, lower case. */
    static Set<String> strategies(SourceSpec spec) {
        Set<String> set = new LinkedHashSet<>();
        for (String key : spec.options().keySet()) {
            if (STRATEGIES.contains(key.toLowerCase(Locale.ROOT))) {
                set.add(key.toLowerCase(Locale.ROOT));
            }
        }
        return set;
    }

    /** Spark's list of the strategy options, in its order. */
    static String strategyList() {
        return String.join(", ", STRATEGIES);
    }
}
