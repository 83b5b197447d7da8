package io.streamling.connect.file;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the file source, shared by {@link FileSourceConnector} and
 * {@link FileSourceTask}: one {@link ConfigDef} with documentation, default, validator and group
 * for each key.
 *
 * <p>Invalid values fail when the configuration is parsed, with a {@link ConfigException} that
 * names the key and says what is allowed. Rules that involve several keys (for example
 * {@code cleanup=archive} needs {@code cleanup.archive.path}) are checked by {@link #problems()},
 * which both the constructor and {@link FileSourceConnector#validate(Map)} use.
 */
public final class FileSourceConfig extends AbstractConfig {

    private static final String GROUP_FILES = "Files";
    private static final String GROUP_FORMAT = "Format";
    private static final String GROUP_RECORDS = "Records";
    private static final String GROUP_ERRORS = "Errors";
    private static final String GROUP_CLEANUP = "Cleanup";
    private static final String GROUP_POLLING = "Polling";

    // ---- Files ----

    /** The topic every record is published to. Required. */
    public static final String TOPIC_CONFIG = "topic";
    private static final String TOPIC_DOC = "The topic to publish the records to.";

    /** The directory to watch, or a glob under a directory. Required; the directory must exist. */
    public static final String FILE_PATH_CONFIG = "file.path";
    private static final String FILE_PATH_DOC = "The directory to watch for files, or a glob such as"
            + " '/data/in/*.csv' or '/data/in/**/*.log' (the part before the first glob character must be an"
            + " existing directory; the glob is matched against the path relative to it, and '**' crosses"
            + " directories). The directory must exist when the connector starts. Files should appear in it"
            + " atomically (written elsewhere, or under a dot-name, then moved/renamed in), as Spark's"
            + " textFileStream requires, or '" + FileSourceConfig.FILE_MIN_AGE_MS_CONFIG + "' must cover the time they take to write.";

    /** Regular expression a file name must match (entirely) to be read. */
    public static final String FILE_NAME_PATTERN_CONFIG = "file.name.pattern";
    /** Default of {@link #FILE_NAME_PATTERN_CONFIG}: every name not starting with a dot. */
    public static final String FILE_NAME_PATTERN_DEFAULT = "[^.].*";
    private static final String FILE_NAME_PATTERN_DOC = "Java regular expression that a file's name (not its"
            + " path) must match entirely to be read. The default ignores hidden files whose names start with a"
            + " dot, as Spark does, so writers can create '.name.tmp' and rename it when complete.";

    /** Whether subdirectories are watched too. */
    public static final String FILE_RECURSIVE_CONFIG = "file.recursive";
    private static final String FILE_RECURSIVE_DOC = "Also read files in subdirectories of the directory, at any"
            + " depth (a glob with '**' does so too). Directories whose names start with a dot are skipped.";

    /** What to do with files already in the directory when the task starts. */
    public static final String FILE_EXISTING_CONFIG = "file.existing";
    /** Value of {@link #FILE_EXISTING_CONFIG}: read the files already present at start. */
    public static final String FILE_EXISTING_PROCESS = "process";
    /** Value of {@link #FILE_EXISTING_CONFIG}: read only files that appear after start (the default). */
    public static final String FILE_EXISTING_IGNORE = "ignore";
    private static final String FILE_EXISTING_DOC = "What to do with files already in the directory when the task"
            + " starts and no committed offset refers to them: '" + FILE_EXISTING_IGNORE + "' reads only files that"
            + " appear afterwards (Spark DStream textFileStream semantics), '" + FILE_EXISTING_PROCESS + "' reads"
            + " them too (Spark Structured file source semantics). A file with a committed offset is always resumed,"
            + " and after a restart a file modified after the first start of this connector is read, whatever this"
            + " setting.";

    /** Minimum age (time since last modification) before a file is read. */
    public static final String FILE_MIN_AGE_MS_CONFIG = "file.min.age.ms";
    private static final String FILE_MIN_AGE_MS_DOC = "A file is read only once this many milliseconds passed since"
            + " its last modification: the guard against reading a file that is still being written, for writers"
            + " that cannot move files in atomically. 0 reads files as soon as they are listed.";

    /** Maximum age of a file relative to the newest file seen; also bounds the remembered-files state. */
    public static final String FILE_MAX_AGE_MS_CONFIG = "file.max.age.ms";
    /** Default of {@link #FILE_MAX_AGE_MS_CONFIG}: 7 days, as Spark's {@code maxFileAge}. */
    public static final long FILE_MAX_AGE_MS_DEFAULT = 7L * 24 * 60 * 60 * 1000;
    private static final String FILE_MAX_AGE_MS_DOC = "Files modified more than this many milliseconds before the"
            + " newest file seen are ignored, and files already read are forgotten once they are that old: the"
            + " remembered-files state stays bounded, as with Spark's maxFileAge (measured against the newest file,"
            + " not the clock). Files being resumed from a committed offset are read whatever their age.";

    /** The order in which pending files are read. */
    public static final String FILE_ORDER_CONFIG = "file.order";
    private static final String FILE_ORDER_DOC = "The order in which pending files are read: 'modified' (oldest"
            + " modification time first, then by name), 'name' (by path) or 'size' (smallest first).";

    /** Reverses {@link #FILE_ORDER_CONFIG}: Spark's {@code latestFirst}. */
    public static final String FILE_LATEST_FIRST_CONFIG = "file.latest.first";
    private static final String FILE_LATEST_FIRST_DOC = "Reverse the order: newest file first for 'modified'"
            + " (Spark's latestFirst), last name first for 'name', largest first for 'size'.";

    // ---- Format ----

    /** How a file's content becomes records. */
    public static final String FORMAT_CONFIG = "format";
    private static final String FORMAT_DOC = "How a file's content becomes records: 'text' (one string record per"
            + " line), 'json' (one string record per line, each a valid JSON value; blank lines are skipped), 'csv'"
            + " (a header line, then one record per row, published as a JSON object of strings keyed by the header),"
            + " 'binary' (the whole file as one bytes record) or 'fixed' (bytes records of '"
            + FileSourceConfig.FORMAT_RECORD_BYTES_CONFIG + "' each). Binary formats need a bytes converter such as ByteArrayConverter.";

    /** Record length of the {@code fixed} format, in bytes. */
    public static final String FORMAT_RECORD_BYTES_CONFIG = "format.record.bytes";
    private static final String FORMAT_RECORD_BYTES_DOC = "The length in bytes of every record of the 'fixed' format"
            + " (Spark's binaryRecordsStream recordLength). Required for 'fixed'; a shorter record at the end of a"
            + " file is malformed.";

    /** Field separator of the {@code csv} format. */
    public static final String FORMAT_CSV_SEPARATOR_CONFIG = "format.csv.separator";
    private static final String FORMAT_CSV_SEPARATOR_DOC = "The field separator of the 'csv' format: one character."
            + " Fields may be quoted with '\"' (a quote inside is doubled); quoted fields may span lines.";

    /** Character set of text files. */
    public static final String FILE_CHARSET_CONFIG = "file.charset";
    private static final String FILE_CHARSET_DOC = "Character set of the text formats. Any charset whose line"
            + " terminators are single ASCII bytes (UTF-8, ISO-8859-*, windows-125*, Shift_JIS, GB18030, ...) or"
            + " UTF-16BE/LE and UTF-32BE/LE. Bytes invalid in the charset are replaced with U+FFFD; a byte order"
            + " mark at the start of a file is dropped.";

    /** Decompression of files. */
    public static final String FILE_COMPRESSION_CONFIG = "file.compression";
    private static final String FILE_COMPRESSION_DOC = "How files are decompressed: 'auto' (by extension: '.gz' is"
            + " gzip, anything else is read as is), 'gzip' (every file) or 'none'. Offsets of a compressed file count"
            + " uncompressed bytes; resuming one decompresses it up to the offset.";

    /** Longest record (a line, CSV row, whole file or fixed record) in bytes. */
    public static final String LINE_MAX_BYTES_CONFIG = "line.max.bytes";
    /** Default of {@link #LINE_MAX_BYTES_CONFIG}: just under the producer's default 1 MiB request limit. */
    public static final int LINE_MAX_BYTES_DEFAULT = 1_000_000;
    private static final String LINE_MAX_BYTES_DOC = "The longest record in bytes, without line terminator: a line"
            + " (text, json), a row (csv) or a whole file (binary). Longer ones are handled as '" + "line.too.long"
            + "' says. Bounds the memory of one record; keep it under the producer's max.request.size.";

    /** What to do with a record longer than {@link #LINE_MAX_BYTES_CONFIG}. */
    public static final String LINE_TOO_LONG_CONFIG = "line.too.long";
    private static final String LINE_TOO_LONG_DOC = "What to do with a record longer than '" + LINE_MAX_BYTES_CONFIG
            + "': 'fail' the task (naming the file and byte offset), 'skip' it (logged and counted), or 'truncate' it"
            + " to that many bytes (at a character boundary). The rest of the file is read either way.";

    // ---- Records ----

    /** What the record key is. */
    public static final String RECORD_KEY_CONFIG = "record.key";
    private static final String RECORD_KEY_DOC = "The record key: 'none' (null, spreads records over partitions),"
            + " 'path' (the file's absolute path: all records of a file in one partition, in file order) or 'name'"
            + " (the file name).";

    /** Where the record timestamp comes from. */
    public static final String TIMESTAMP_MODE_CONFIG = "timestamp.mode";
    private static final String TIMESTAMP_MODE_DOC = "The record timestamp: 'ingestion' (when the record was read,"
            + " the default), 'file' (the file's modification time) or 'field' (the value of '"
            + FileSourceConfig.TIMESTAMP_FIELD_CONFIG + "', json and csv formats only: epoch milliseconds, or an ISO-8601 instant or"
            + " offset date-time; a record without a valid value is malformed).";

    /** The field holding the timestamp for {@code timestamp.mode=field}. */
    public static final String TIMESTAMP_FIELD_CONFIG = "timestamp.field";
    private static final String TIMESTAMP_FIELD_DOC = "The top-level JSON field or CSV column holding the record"
            + " timestamp when '" + TIMESTAMP_MODE_CONFIG + "' is 'field'.";

    /** Whether records carry file metadata headers. */
    public static final String HEADERS_ENABLED_CONFIG = "headers.enabled";
    private static final String HEADERS_ENABLED_DOC = "Add headers to every record: '" + Headers.PATH + "', '"
            + Headers.NAME + "', '" + Headers.OFFSET + "' (byte offset of the record's start), '" + Headers.LINE
            + "' (1-based line number for text formats, record number for 'fixed'), '" + Headers.SIZE + "' and '"
            + Headers.MODIFIED + "' (epoch milliseconds).";

    // ---- Errors ----

    /** What to do with an unreadable file or a malformed record. */
    public static final String ERRORS_POLICY_CONFIG = "errors.policy";
    private static final String ERRORS_POLICY_DOC = "What to do with a file that cannot be read (I/O error, corrupt"
            + " compression, bad CSV header) or a malformed record (invalid JSON, a CSV row with the wrong number of"
            + " fields, a missing timestamp field, a short fixed record): 'fail' the task with an error naming the"
            + " file and byte offset; 'move' the file to '" + FileSourceConfig.ERRORS_PATH_CONFIG + "' (keeping its relative path) once the"
            + " records published before the error are acknowledged, and read no further in it; or 'topic': publish"
            + " the bad record (or, for an unreadable file, a null value) to '" + FileSourceConfig.ERRORS_TOPIC_CONFIG + "' with headers"
            + " saying why, and go on.";

    /** Directory malformed or unreadable files are moved to under {@code errors.policy=move}. */
    public static final String ERRORS_PATH_CONFIG = "errors.path";
    private static final String ERRORS_PATH_DOC = "Directory that files go to under errors.policy=move, created if"
            + " missing. Must not be inside the watched directory.";

    /** Topic malformed records go to under {@code errors.policy=topic}. */
    public static final String ERRORS_TOPIC_CONFIG = "errors.topic";
    private static final String ERRORS_TOPIC_DOC = "Topic that bad records go to under errors.policy=topic, with"
            + " headers '" + Headers.ERROR_REASON + "', '" + Headers.PATH + "', '" + Headers.OFFSET + "' and '"
            + Headers.LINE + "'. Must differ from '" + TOPIC_CONFIG + "'.";

    // ---- Cleanup ----

    /** What happens to a file once Kafka acknowledged all its records. */
    public static final String CLEANUP_CONFIG = "cleanup";
    private static final String CLEANUP_DOC = "What happens to a file once it was read to its end and Kafka"
            + " acknowledged every record published from it (never before): 'none', 'delete', or 'archive' (move it"
            + " to '" + FileSourceConfig.CLEANUP_ARCHIVE_PATH_CONFIG + "', keeping its path relative to the watched directory).";

    /** Archive directory of {@code cleanup=archive}. */
    public static final String CLEANUP_ARCHIVE_PATH_CONFIG = "cleanup.archive.path";
    private static final String CLEANUP_ARCHIVE_PATH_DOC = "Directory that files go to under cleanup=archive,"
            + " created if missing. Must not be inside the watched directory.";

    // ---- Polling ----

    /** How often the directory is listed, in milliseconds. */
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    /** Default of {@link #POLL_INTERVAL_MS_CONFIG}. */
    public static final long POLL_INTERVAL_MS_DEFAULT = 500L;
    private static final String POLL_INTERVAL_MS_DOC = "How often, in milliseconds, the directory is listed for"
            + " new files; also the longest time a poll waits when there is nothing to read.";

    /** Maximum number of records returned by one poll. */
    public static final String POLL_MAX_RECORDS_CONFIG = "poll.max.records";
    /** Default of {@link #POLL_MAX_RECORDS_CONFIG}. */
    public static final int POLL_MAX_RECORDS_DEFAULT = 5000;
    private static final String POLL_MAX_RECORDS_DOC = "The maximum number of records one poll returns.";

    /** Maximum number of files one poll reads from. */
    public static final String POLL_MAX_FILES_CONFIG = "poll.max.files";
    /** Default of {@link #POLL_MAX_FILES_CONFIG}. */
    public static final int POLL_MAX_FILES_DEFAULT = 1000;
    private static final String POLL_MAX_FILES_DOC = "The maximum number of files one poll reads records from"
            + " (Spark's maxFilesPerTrigger, per poll).";

    /** Maximum number of bytes one poll reads. */
    public static final String POLL_MAX_BYTES_CONFIG = "poll.max.bytes";
    /** Default of {@link #POLL_MAX_BYTES_CONFIG}: 16 MiB. */
    public static final long POLL_MAX_BYTES_DEFAULT = 16L * 1024 * 1024;
    private static final String POLL_MAX_BYTES_DOC = "A poll stops adding records once it read this many bytes"
            + " (Spark's maxBytesPerTrigger, per poll); it always returns at least one record. Bounds the memory"
            + " one poll holds.";

    /** Spark trigger emulation: the interval, in ms, of the micro-batches the records feed. */
    public static final String TRIGGER_INTERVAL_MS_CONFIG = "trigger.interval.ms";
    private static final String TRIGGER_INTERVAL_MS_DOC = "For a consumer that cuts micro-batches of this many"
            + " milliseconds by record timestamp (Streamling's Structured file source): every record is stamped with"
            + " the time its file started being read, so a file's records fall in one micro-batch, and the limits"
            + " 'trigger.max.files' and 'trigger.max.bytes' apply per interval (epoch-aligned), as Spark's"
            + " maxFilesPerTrigger and maxBytesPerTrigger do per trigger. 0 (the default) turns this off.";

    /** Files started per trigger interval. */
    public static final String TRIGGER_MAX_FILES_CONFIG = "trigger.max.files";
    private static final String TRIGGER_MAX_FILES_DOC = "With '" + TRIGGER_INTERVAL_MS_CONFIG + "': at most this many"
            + " files start being read per interval (Spark's maxFilesPerTrigger). 0 (the default): no limit.";

    /** File bytes started per trigger interval. */
    public static final String TRIGGER_MAX_BYTES_CONFIG = "trigger.max.bytes";
    private static final String TRIGGER_MAX_BYTES_DOC = "With '" + TRIGGER_INTERVAL_MS_CONFIG + "': files start being"
            + " read in an interval while their total size stays within this many bytes, and at least one file does"
            + " (Spark's maxBytesPerTrigger). 0 (the default): no limit.";

    /** The configuration definition shared by the connector and its task. */
    public static final ConfigDef CONFIG_DEF = define();

    private final FileLocation location;

    /**
     * Parses and validates connector or task properties.
     *
     * @param props the properties given to the connector or task
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public FileSourceConfig(Map<String, String> props) {
        this(props, true);
    }

    private FileSourceConfig(Map<String, String> props, boolean checkRules) {
        super(CONFIG_DEF, props);
        this.location = FileLocation.parse(getString(FILE_PATH_CONFIG));
        List<Problem> problems = checkRules ? problems() : List.of();
        if (!problems.isEmpty()) {
            throw problems.get(0).exception();
        }
    }

    /**
     * Checks the rules that involve several keys, for properties whose single values are valid.
     *
     * @param props the properties
     * @return the broken rules
     */
    static List<Problem> problems(Map<String, String> props) {
        return new FileSourceConfig(props, false).problems();
    }

    /**
     * A rule involving several keys that does not hold.
     *
     * @param key     the key to fix
     * @param value   its value
     * @param message what is wrong
     */
    record Problem(String key, Object value, String message) {
        ConfigException exception() {
            return new ConfigException(key, value, message);
        }
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, TOPIC_DOC, GROUP_FILES, ++order, Width.MEDIUM, "Topic");
        def.define(FILE_PATH_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new FileLocation.Validator(),
                Importance.HIGH, FILE_PATH_DOC, GROUP_FILES, ++order, Width.LONG, "Directory or glob");
        def.define(FILE_NAME_PATTERN_CONFIG, Type.STRING, FILE_NAME_PATTERN_DEFAULT, new RegularExpression(),
                Importance.MEDIUM, FILE_NAME_PATTERN_DOC, GROUP_FILES, ++order, Width.MEDIUM, "File name pattern");
        def.define(FILE_RECURSIVE_CONFIG, Type.BOOLEAN, false, null,
                Importance.MEDIUM, FILE_RECURSIVE_DOC, GROUP_FILES, ++order, Width.SHORT, "Recursive");
        def.define(FILE_EXISTING_CONFIG, Type.STRING, FILE_EXISTING_IGNORE,
                ConfigDef.CaseInsensitiveValidString.in(FILE_EXISTING_IGNORE, FILE_EXISTING_PROCESS),
                Importance.MEDIUM, FILE_EXISTING_DOC, GROUP_FILES, ++order, Width.SHORT, "Existing files");
        def.define(FILE_MIN_AGE_MS_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0),
                Importance.MEDIUM, FILE_MIN_AGE_MS_DOC, GROUP_FILES, ++order, Width.SHORT, "Minimum file age (ms)");
        def.define(FILE_MAX_AGE_MS_CONFIG, Type.LONG, FILE_MAX_AGE_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.LOW, FILE_MAX_AGE_MS_DOC, GROUP_FILES, ++order, Width.SHORT, "Maximum file age (ms)");
        def.define(FILE_ORDER_CONFIG, Type.STRING, FileOrder.MODIFIED.value(), FileOrder.validator(),
                Importance.LOW, FILE_ORDER_DOC, GROUP_FILES, ++order, Width.SHORT, "Order");
        def.define(FILE_LATEST_FIRST_CONFIG, Type.BOOLEAN, false, null,
                Importance.LOW, FILE_LATEST_FIRST_DOC, GROUP_FILES, ++order, Width.SHORT, "Latest first");

        order = 0;
        def.define(FORMAT_CONFIG, Type.STRING, Format.TEXT.value(), Format.validator(),
                Importance.HIGH, FORMAT_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Format");
        def.define(FORMAT_RECORD_BYTES_CONFIG, Type.INT, 0, ConfigDef.Range.atLeast(0),
                Importance.MEDIUM, FORMAT_RECORD_BYTES_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Fixed record bytes");
        def.define(FORMAT_CSV_SEPARATOR_CONFIG, Type.STRING, ",", new SingleCharacter(),
                Importance.LOW, FORMAT_CSV_SEPARATOR_DOC, GROUP_FORMAT, ++order, Width.SHORT, "CSV separator");
        def.define(FILE_CHARSET_CONFIG, Type.STRING, "UTF-8", new LineCharsetValidator(),
                Importance.LOW, FILE_CHARSET_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Charset");
        def.define(FILE_COMPRESSION_CONFIG, Type.STRING, Compression.AUTO.value(), Compression.validator(),
                Importance.LOW, FILE_COMPRESSION_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Compression");
        def.define(LINE_MAX_BYTES_CONFIG, Type.INT, LINE_MAX_BYTES_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.MEDIUM, LINE_MAX_BYTES_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Maximum record bytes");
        def.define(LINE_TOO_LONG_CONFIG, Type.STRING, LongLinePolicy.FAIL.value(), LongLinePolicy.validator(),
                Importance.MEDIUM, LINE_TOO_LONG_DOC, GROUP_FORMAT, ++order, Width.SHORT, "Too-long records");

        order = 0;
        def.define(RECORD_KEY_CONFIG, Type.STRING, RecordKey.NONE.value(), RecordKey.validator(),
                Importance.LOW, RECORD_KEY_DOC, GROUP_RECORDS, ++order, Width.SHORT, "Key");
        def.define(TIMESTAMP_MODE_CONFIG, Type.STRING, TimestampMode.INGESTION.value(), TimestampMode.validator(),
                Importance.MEDIUM, TIMESTAMP_MODE_DOC, GROUP_RECORDS, ++order, Width.SHORT, "Timestamp");
        def.define(TIMESTAMP_FIELD_CONFIG, Type.STRING, "", null,
                Importance.MEDIUM, TIMESTAMP_FIELD_DOC, GROUP_RECORDS, ++order, Width.MEDIUM, "Timestamp field");
        def.define(HEADERS_ENABLED_CONFIG, Type.BOOLEAN, false, null,
                Importance.LOW, HEADERS_ENABLED_DOC, GROUP_RECORDS, ++order, Width.SHORT, "File headers");

        order = 0;
        def.define(ERRORS_POLICY_CONFIG, Type.STRING, ErrorPolicy.FAIL.value(), ErrorPolicy.validator(),
                Importance.MEDIUM, ERRORS_POLICY_DOC, GROUP_ERRORS, ++order, Width.SHORT, "Error policy");
        def.define(ERRORS_PATH_CONFIG, Type.STRING, "", null,
                Importance.MEDIUM, ERRORS_PATH_DOC, GROUP_ERRORS, ++order, Width.LONG, "Error directory");
        def.define(ERRORS_TOPIC_CONFIG, Type.STRING, "", null,
                Importance.MEDIUM, ERRORS_TOPIC_DOC, GROUP_ERRORS, ++order, Width.MEDIUM, "Error topic");

        order = 0;
        def.define(CLEANUP_CONFIG, Type.STRING, CleanupPolicy.NONE.value(), CleanupPolicy.validator(),
                Importance.MEDIUM, CLEANUP_DOC, GROUP_CLEANUP, ++order, Width.SHORT, "Cleanup");
        def.define(CLEANUP_ARCHIVE_PATH_CONFIG, Type.STRING, "", null,
                Importance.MEDIUM, CLEANUP_ARCHIVE_PATH_DOC, GROUP_CLEANUP, ++order, Width.LONG, "Archive directory");

        order = 0;
        def.define(POLL_INTERVAL_MS_CONFIG, Type.LONG, POLL_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.LOW, POLL_INTERVAL_MS_DOC, GROUP_POLLING, ++order, Width.SHORT, "Poll interval (ms)");
        def.define(POLL_MAX_RECORDS_CONFIG, Type.INT, POLL_MAX_RECORDS_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.LOW, POLL_MAX_RECORDS_DOC, GROUP_POLLING, ++order, Width.SHORT, "Records per poll");
        def.define(POLL_MAX_FILES_CONFIG, Type.INT, POLL_MAX_FILES_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.LOW, POLL_MAX_FILES_DOC, GROUP_POLLING, ++order, Width.SHORT, "Files per poll");
        def.define(POLL_MAX_BYTES_CONFIG, Type.LONG, POLL_MAX_BYTES_DEFAULT, ConfigDef.Range.atLeast(1),
                Importance.LOW, POLL_MAX_BYTES_DOC, GROUP_POLLING, ++order, Width.SHORT, "Bytes per poll");
        def.define(TRIGGER_INTERVAL_MS_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0),
                Importance.LOW, TRIGGER_INTERVAL_MS_DOC, GROUP_POLLING, ++order, Width.SHORT, "Trigger interval (ms)");
        def.define(TRIGGER_MAX_FILES_CONFIG, Type.INT, 0, ConfigDef.Range.atLeast(0),
                Importance.LOW, TRIGGER_MAX_FILES_DOC, GROUP_POLLING, ++order, Width.SHORT, "Files per trigger");
        def.define(TRIGGER_MAX_BYTES_CONFIG, Type.LONG, 0L, ConfigDef.Range.atLeast(0),
                Importance.LOW, TRIGGER_MAX_BYTES_DOC, GROUP_POLLING, ++order, Width.SHORT, "Bytes per trigger");
        return def;
    }

    /**
     * Checks the rules that involve several keys.
     *
     * @return one problem per broken rule, each naming the key to fix; empty when all hold
     */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        Format format = format();
        if (format == Format.FIXED && recordBytes() < 1) {
            problems.add(new Problem(FORMAT_RECORD_BYTES_CONFIG, recordBytes(),
                    "must be at least 1 when " + FORMAT_CONFIG + "=fixed"));
        }
        if (format == Format.FIXED && recordBytes() > lineMaxBytes()) {
            problems.add(new Problem(FORMAT_RECORD_BYTES_CONFIG, recordBytes(),
                    "must not exceed " + LINE_MAX_BYTES_CONFIG + " (" + lineMaxBytes() + ")"));
        }
        if (timestampMode() == TimestampMode.FIELD) {
            if (timestampField().isEmpty()) {
                problems.add(new Problem(TIMESTAMP_FIELD_CONFIG, "",
                        "is required when " + TIMESTAMP_MODE_CONFIG + "=field"));
            }
            if (format != Format.JSON && format != Format.CSV) {
                problems.add(new Problem(TIMESTAMP_MODE_CONFIG, "field",
                        "needs " + FORMAT_CONFIG + "=json or csv, not " + format.value()));
            }
        }
        if (errorPolicy() == ErrorPolicy.MOVE) {
            outsideWatchedDirectory(ERRORS_PATH_CONFIG, "errors.policy=move").ifPresent(problems::add);
        }
        if (errorPolicy() == ErrorPolicy.TOPIC) {
            if (errorsTopic().isEmpty()) {
                problems.add(new Problem(ERRORS_TOPIC_CONFIG, "", "is required when "
                        + ERRORS_POLICY_CONFIG + "=topic"));
            } else if (errorsTopic().equals(topic())) {
                problems.add(new Problem(ERRORS_TOPIC_CONFIG, errorsTopic(), "must differ from "
                        + TOPIC_CONFIG));
            }
        }
        if (cleanupPolicy() == CleanupPolicy.ARCHIVE) {
            outsideWatchedDirectory(CLEANUP_ARCHIVE_PATH_CONFIG, "cleanup=archive").ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<Problem> outsideWatchedDirectory(String key, String because) {
        String value = getString(key).trim();
        if (value.isEmpty()) {
            return Optional.of(new Problem(key, value, "is required when " + because));
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (path.startsWith(directory())) {
            return Optional.of(new Problem(key, value, "must not be inside " + FILE_PATH_CONFIG
                    + " (" + directory() + "), or its files would be read again"));
        }
        return Optional.empty();
    }

    /**
     * Returns the topic records are published to.
     *
     * @return the value of {@value #TOPIC_CONFIG}
     */
    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    /**
     * Returns the watched directory (the part of {@value #FILE_PATH_CONFIG} before any glob) as an
     * absolute, normalized path.
     *
     * @return the watched directory
     */
    public Path directory() {
        return location.directory();
    }

    /** The watched directory and optional glob. */
    FileLocation location() {
        return location;
    }

    /**
     * Returns the pattern a file name must match entirely.
     *
     * @return the compiled value of {@value #FILE_NAME_PATTERN_CONFIG}
     */
    public Pattern fileNamePattern() {
        return Pattern.compile(getString(FILE_NAME_PATTERN_CONFIG));
    }

    /**
     * Tells whether subdirectories are read.
     *
     * @return the value of {@value #FILE_RECURSIVE_CONFIG}
     */
    public boolean recursive() {
        return getBoolean(FILE_RECURSIVE_CONFIG);
    }

    /**
     * Tells whether files present at start (without a committed offset) are read.
     *
     * @return {@code true} when {@value #FILE_EXISTING_CONFIG} is {@value #FILE_EXISTING_PROCESS}
     */
    public boolean processExistingFiles() {
        return FILE_EXISTING_PROCESS.equals(getString(FILE_EXISTING_CONFIG).toLowerCase(Locale.ROOT));
    }

    /** @return the value of {@value #FILE_MIN_AGE_MS_CONFIG} */
    long minAgeMs() {
        return getLong(FILE_MIN_AGE_MS_CONFIG);
    }

    /** @return the value of {@value #FILE_MAX_AGE_MS_CONFIG} */
    long maxAgeMs() {
        return getLong(FILE_MAX_AGE_MS_CONFIG);
    }

    /** @return the value of {@value #FILE_ORDER_CONFIG} */
    FileOrder order() {
        return FileOrder.parse(getString(FILE_ORDER_CONFIG));
    }

    /** @return the value of {@value #FILE_LATEST_FIRST_CONFIG} */
    boolean latestFirst() {
        return getBoolean(FILE_LATEST_FIRST_CONFIG);
    }

    /** @return the value of {@value #FORMAT_CONFIG} */
    Format format() {
        return Format.parse(getString(FORMAT_CONFIG));
    }

    /** @return the value of {@value #FORMAT_RECORD_BYTES_CONFIG} */
    int recordBytes() {
        return getInt(FORMAT_RECORD_BYTES_CONFIG);
    }

    /** @return the value of {@value #FORMAT_CSV_SEPARATOR_CONFIG} */
    char csvSeparator() {
        return getString(FORMAT_CSV_SEPARATOR_CONFIG).charAt(0);
    }

    /** @return the value of {@value #FILE_CHARSET_CONFIG} */
    Charset charset() {
        return Charset.forName(getString(FILE_CHARSET_CONFIG).trim());
    }

    /** @return the value of {@value #FILE_COMPRESSION_CONFIG} */
    Compression compression() {
        return Compression.parse(getString(FILE_COMPRESSION_CONFIG));
    }

    /** @return the value of {@value #LINE_MAX_BYTES_CONFIG} */
    int lineMaxBytes() {
        return getInt(LINE_MAX_BYTES_CONFIG);
    }

    /** @return the value of {@value #LINE_TOO_LONG_CONFIG} */
    LongLinePolicy longLinePolicy() {
        return LongLinePolicy.parse(getString(LINE_TOO_LONG_CONFIG));
    }

    /** @return the value of {@value #RECORD_KEY_CONFIG} */
    RecordKey recordKey() {
        return RecordKey.parse(getString(RECORD_KEY_CONFIG));
    }

    /** @return the value of {@value #TIMESTAMP_MODE_CONFIG} */
    TimestampMode timestampMode() {
        return TimestampMode.parse(getString(TIMESTAMP_MODE_CONFIG));
    }

    /** @return the value of {@value #TIMESTAMP_FIELD_CONFIG}, trimmed */
    String timestampField() {
        return getString(TIMESTAMP_FIELD_CONFIG).trim();
    }

    /** @return the value of {@value #HEADERS_ENABLED_CONFIG} */
    boolean headersEnabled() {
        return getBoolean(HEADERS_ENABLED_CONFIG);
    }

    /** @return the value of {@value #ERRORS_POLICY_CONFIG} */
    ErrorPolicy errorPolicy() {
        return ErrorPolicy.parse(getString(ERRORS_POLICY_CONFIG));
    }

    /** @return the value of {@value #ERRORS_PATH_CONFIG} as an absolute path */
    Path errorsPath() {
        return Path.of(getString(ERRORS_PATH_CONFIG).trim()).toAbsolutePath().normalize();
    }

    /** @return the value of {@value #ERRORS_TOPIC_CONFIG}, trimmed */
    String errorsTopic() {
        return getString(ERRORS_TOPIC_CONFIG).trim();
    }

    /** @return the value of {@value #CLEANUP_CONFIG} */
    CleanupPolicy cleanupPolicy() {
        return CleanupPolicy.parse(getString(CLEANUP_CONFIG));
    }

    /** @return the value of {@value #CLEANUP_ARCHIVE_PATH_CONFIG} as an absolute path */
    Path archivePath() {
        return Path.of(getString(CLEANUP_ARCHIVE_PATH_CONFIG).trim()).toAbsolutePath().normalize();
    }

    /**
     * Returns how often the directory is listed.
     *
     * @return the value of {@value #POLL_INTERVAL_MS_CONFIG} in milliseconds
     */
    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS_CONFIG);
    }

    /**
     * Returns the maximum number of records per poll.
     *
     * @return the value of {@value #POLL_MAX_RECORDS_CONFIG}
     */
    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS_CONFIG);
    }

    /** @return the value of {@value #POLL_MAX_FILES_CONFIG} */
    int pollMaxFiles() {
        return getInt(POLL_MAX_FILES_CONFIG);
    }

    /** @return the trigger interval of {@link #TRIGGER_INTERVAL_MS_CONFIG}, 0 when off */
    long triggerIntervalMs() {
        return getLong(TRIGGER_INTERVAL_MS_CONFIG);
    }

    /** @return {@link #TRIGGER_MAX_FILES_CONFIG}, 0 for no limit */
    int triggerMaxFiles() {
        return getInt(TRIGGER_MAX_FILES_CONFIG);
    }

    /** @return {@link #TRIGGER_MAX_BYTES_CONFIG}, 0 for no limit */
    long triggerMaxBytes() {
        return getLong(TRIGGER_MAX_BYTES_CONFIG);
    }

    /** @return the value of {@value #POLL_MAX_BYTES_CONFIG} */
    long pollMaxBytes() {
        return getLong(POLL_MAX_BYTES_CONFIG);
    }

    /**
     * The connector's name from the worker-supplied {@code name} property, for metrics and logs.
     *
     * @return the name, or {@code "file-source"} when run without one (unit tests)
     */
    String connectorName() {
        Object name = originals().get("name");
        return name == null || name.toString().isBlank() ? "file-source" : name.toString();
    }

    // ---- option values ----

    /** A config option whose values are the lower-case names of enum constants. */
    interface Option {
        /** @return the configuration value naming this option */
        String value();
    }

    private static <E extends Enum<E> & Option> E parseOption(Class<E> type, String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (E option : type.getEnumConstants()) {
            if (option.value().equals(wanted)) {
                return option;
            }
        }
        throw new ConfigException("Unknown " + type.getSimpleName() + " '" + value + "'");
    }

    private static <E extends Enum<E> & Option> ConfigDef.Validator optionValidator(Class<E> type) {
        return ConfigDef.CaseInsensitiveValidString.in(Arrays.stream(type.getEnumConstants())
                .map(Option::value).toArray(String[]::new));
    }

    /** Values of {@value #FORMAT_CONFIG}. */
    enum Format implements Option {
        TEXT, JSON, CSV, BINARY, FIXED;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return whether records are text (strings) rather than bytes */
        boolean isText() {
            return this == TEXT || this == JSON || this == CSV;
        }

        static Format parse(String value) {
            return parseOption(Format.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(Format.class);
        }
    }

    /** Values of {@value #FILE_ORDER_CONFIG}. */
    enum FileOrder implements Option {
        MODIFIED, NAME, SIZE;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static FileOrder parse(String value) {
            return parseOption(FileOrder.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(FileOrder.class);
        }
    }

    /** Values of {@value #FILE_COMPRESSION_CONFIG}. */
    enum Compression implements Option {
        AUTO, NONE, GZIP;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return whether the file at {@code path} is gzip-compressed under this setting */
        boolean gzip(Path path) {
            return this == GZIP || this == AUTO && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        }

        static Compression parse(String value) {
            return parseOption(Compression.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(Compression.class);
        }
    }

    /** Values of {@value #LINE_TOO_LONG_CONFIG}. */
    enum LongLinePolicy implements Option {
        FAIL, SKIP, TRUNCATE;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static LongLinePolicy parse(String value) {
            return parseOption(LongLinePolicy.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(LongLinePolicy.class);
        }
    }

    /** Values of {@value #RECORD_KEY_CONFIG}. */
    enum RecordKey implements Option {
        NONE, PATH, NAME;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static RecordKey parse(String value) {
            return parseOption(RecordKey.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(RecordKey.class);
        }
    }

    /** Values of {@value #TIMESTAMP_MODE_CONFIG}. */
    enum TimestampMode implements Option {
        INGESTION, FILE, FIELD;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static TimestampMode parse(String value) {
            return parseOption(TimestampMode.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(TimestampMode.class);
        }
    }

    /** Values of {@value #ERRORS_POLICY_CONFIG}. */
    enum ErrorPolicy implements Option {
        FAIL, MOVE, TOPIC;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ErrorPolicy parse(String value) {
            return parseOption(ErrorPolicy.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(ErrorPolicy.class);
        }
    }

    /** Values of {@value #CLEANUP_CONFIG}. */
    enum CleanupPolicy implements Option {
        NONE, DELETE, ARCHIVE;

        @Override
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static CleanupPolicy parse(String value) {
            return parseOption(CleanupPolicy.class, value);
        }

        static ConfigDef.Validator validator() {
            return optionValidator(CleanupPolicy.class);
        }
    }

    // ---- validators ----

    /** Accepts a valid Java regular expression. */
    private static final class RegularExpression implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "must be a Java regular expression");
            }
            try {
                Pattern.compile(value.toString());
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "is not a valid regular expression: " + e.getDescription());
            }
        }

        @Override
        public String toString() {
            return "Java regular expression matched against the whole file name";
        }
    }

    /** Accepts exactly one character. */
    private static final class SingleCharacter implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().length() != 1) {
                throw new ConfigException(name, value, "must be exactly one character");
            }
        }

        @Override
        public String toString() {
            return "one character";
        }
    }

    /** Accepts a charset whose lines {@link LineReader} can split at byte level. */
    private static final class LineCharsetValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, "must name a character set");
            }
            Charset charset;
            try {
                charset = Charset.forName(value.toString().trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "is not a character set known to this JVM");
            }
            if (LineCharset.of(charset).isEmpty()) {
                throw new ConfigException(name, value, "cannot be split into lines at byte level (use an"
                        + " ASCII-compatible charset, UTF-16BE/LE or UTF-32BE/LE; for UTF-16 with a byte order mark"
                        + " name the byte order)");
            }
        }

        @Override
        public String toString() {
            return "UTF-8, another ASCII-compatible charset, UTF-16BE/LE or UTF-32BE/LE";
        }
    }
}
