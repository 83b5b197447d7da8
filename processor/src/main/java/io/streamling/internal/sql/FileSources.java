package io.streamling.internal.sql;

import io.streamling.connect.file.FileSourceConfig;
import io.streamling.connect.file.Headers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a Structured file source's options onto the file connector's configuration. Unlike
 * {@code textFileStream}, the Structured file source reads the files already in the directory
 * ({@code file.existing=process}). Micro-batches are cut by record time, so the connector emulates
 * Spark's triggers ({@code trigger.interval.ms}): it stamps each record with the time its file
 * started being read, so a file is never split over two micro-batches, and applies
 * {@code maxFilesPerTrigger} / {@code maxBytesPerTrigger} per trigger interval.
 */
final class FileSources {

    private FileSources() {
    }

    /** Whether a path holds a glob ({@code * ? [ {}), as Hadoop's {@code isGlobPath}. */
    static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The connector configuration of a file source (without the topic, which the runtime adds). */
    static Map<String, String> connectorConfig(SourceSpec spec, long triggerMs) {
        Map<String, String> config = new HashMap<>();
        config.put(FileSourceConfig.FILE_PATH_CONFIG, Path.of(spec.option("path")).toAbsolutePath().toString());
        config.put(FileSourceConfig.FILE_EXISTING_CONFIG, FileSourceConfig.FILE_EXISTING_PROCESS);
        config.put(FileSourceConfig.FORMAT_CONFIG, "text");
        // the csv header line is told apart by the line-number header
        config.put(FileSourceConfig.HEADERS_ENABLED_CONFIG, "true");
        config.put(FileSourceConfig.FILE_NAME_PATTERN_CONFIG, namePattern(spec.option("pathGlobFilter")));
        if (SourceOptions.bool(spec, "recursiveFileLookup")) {
            config.put(FileSourceConfig.FILE_RECURSIVE_CONFIG, "true");
        }
        // a file's records share one timestamp (one micro-batch), and the limits apply per trigger interval
        config.put(FileSourceConfig.TRIGGER_INTERVAL_MS_CONFIG, Long.toString(triggerMs));
        if (spec.has("maxFilesPerTrigger")) {
            config.put(FileSourceConfig.TRIGGER_MAX_FILES_CONFIG, spec.option("maxFilesPerTrigger").trim());
        }
        if (spec.has("maxBytesPerTrigger")) {
            config.put(FileSourceConfig.TRIGGER_MAX_BYTES_CONFIG, spec.option("maxBytesPerTrigger").trim());
        }
        boolean latestFirst = SourceOptions.bool(spec, "latestFirst");
        config.put(FileSourceConfig.FILE_LATEST_FIRST_CONFIG, Boolean.toString(latestFirst));
        long maxAge = SourceOptions.timeStringAsMs(spec.option("maxFileAge", "7d"));
        if (latestFirst && (spec.has("maxFilesPerTrigger") || spec.has("maxBytesPerTrigger"))) {
            // Spark ignores maxFileAge then (SPARK-19813): old files must still be read
            maxAge = Long.MAX_VALUE;
        }
        config.put(FileSourceConfig.FILE_MAX_AGE_MS_CONFIG, Long.toString(Math.max(1, maxAge)));
        String clean = spec.option("cleanSource", "off").toLowerCase(Locale.ROOT);
        config.put(FileSourceConfig.CLEANUP_CONFIG, clean.equals("off") ? "none" : clean);
        if (clean.equals("archive")) {
            config.put(FileSourceConfig.CLEANUP_ARCHIVE_PATH_CONFIG,
                    Path.of(spec.option("sourceArchiveDir")).toAbsolutePath().toString());
        }
        return config;
    }

    /**
     * The file-name pattern: Spark skips names starting with {@code _} or {@code .} and, with
     * {@code pathGlobFilter}, names that do not match that glob.
     */
    static String namePattern(String globFilter) {
        String visible = "(?![._]).*";
        return globFilter == null ? visible : "(?![._])" + globToRegex(globFilter);
    }

    /** A file-name glob ({@code *}, {@code ?}, {@code [abc]}, {@code {a,b}}) as a regular expression. */
    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[', ']' -> regex.append(c);
                case '{' -> {
                    regex.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    regex.append(')');
                    inGroup = false;
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                default -> regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        return regex.toString();
    }

    /** The 1-based line number the connector put on a record, or 0 when it has none. */
    static long lineOf(io.streamling.internal.runtime.KafkaRecord record) {
        String line = record.headerText(Headers.LINE);
        return line == null ? 0 : Long.parseLong(line.trim());
    }
}
