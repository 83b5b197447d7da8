package io.streamling.connect.file;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the file source, shared by {@link FileSourceConnector} and
 * {@link FileSourceTask}: one {@link ConfigDef} with documentation, default and validator for each
 * key.
 *
 * <p>Invalid values fail when the configuration is parsed, with a {@link ConfigException} that
 * names the key and says what is allowed.
 */
public final class FileSourceConfig extends AbstractConfig {

    /** The topic every line is published to. Required. */
    public static final String TOPIC_CONFIG = "topic";
    private static final String TOPIC_DOC = "The topic to publish the lines to.";

    /** The directory to watch. Required; must exist and be a directory. */
    public static final String FILE_PATH_CONFIG = "file.path";
    private static final String FILE_PATH_DOC = "The directory to watch for files (not recursive). It must exist"
            + " when the connector starts. Files should appear in it atomically (written elsewhere, or under a"
            + " dot-name, then moved/renamed in), as Spark's textFileStream requires.";

    /** Regular expression a file name must match (entirely) to be read. */
    public static final String FILE_NAME_PATTERN_CONFIG = "file.name.pattern";
    /** Default of {@link #FILE_NAME_PATTERN_CONFIG}: every name not starting with a dot. */
    public static final String FILE_NAME_PATTERN_DEFAULT = "[^.].*";
    private static final String FILE_NAME_PATTERN_DOC = "Java regular expression that a file's name (not its"
            + " path) must match entirely to be read. The default ignores hidden files whose names start with a"
            + " dot, as Spark does, so writers can create '.name.tmp' and rename it when complete.";

    /** What to do with files already in the directory when the task starts. */
    public static final String FILE_EXISTING_CONFIG = "file.existing";
    /** Value of {@link #FILE_EXISTING_CONFIG}: read the files already present at start. */
    public static final String FILE_EXISTING_PROCESS = "process";
    /** Value of {@link #FILE_EXISTING_CONFIG}: read only files that appear after start (the default). */
    public static final String FILE_EXISTING_IGNORE = "ignore";
    private static final String FILE_EXISTING_DOC = "What to do with files already in the directory when the task"
            + " starts and no committed offset refers to them: '" + FILE_EXISTING_IGNORE + "' reads only files that"
            + " appear afterwards (Spark textFileStream semantics), '" + FILE_EXISTING_PROCESS + "' reads them too,"
            + " oldest first. A file with a committed offset is always resumed, whatever this setting.";

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
    private static final String POLL_MAX_RECORDS_DOC = "The maximum number of lines (records) one poll returns.";

    /** The configuration definition shared by the connector and its task. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, TOPIC_DOC)
            .define(FILE_PATH_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ExistingDirectory(),
                    Importance.HIGH, FILE_PATH_DOC)
            .define(FILE_NAME_PATTERN_CONFIG, Type.STRING, FILE_NAME_PATTERN_DEFAULT, new RegularExpression(),
                    Importance.MEDIUM, FILE_NAME_PATTERN_DOC)
            .define(FILE_EXISTING_CONFIG, Type.STRING, FILE_EXISTING_IGNORE,
                    ConfigDef.CaseInsensitiveValidString.in(FILE_EXISTING_IGNORE, FILE_EXISTING_PROCESS),
                    Importance.MEDIUM, FILE_EXISTING_DOC)
            .define(POLL_INTERVAL_MS_CONFIG, Type.LONG, POLL_INTERVAL_MS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, POLL_INTERVAL_MS_DOC)
            .define(POLL_MAX_RECORDS_CONFIG, Type.INT, POLL_MAX_RECORDS_DEFAULT, ConfigDef.Range.atLeast(1),
                    Importance.LOW, POLL_MAX_RECORDS_DOC);

    /**
     * Parses and validates connector or task properties.
     *
     * @param props the properties given to the connector or task
     * @throws ConfigException naming the key when a value is missing or invalid
     */
    public FileSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    /**
     * Returns the topic lines are published to.
     *
     * @return the value of {@value #TOPIC_CONFIG}
     */
    public String topic() {
        return getString(TOPIC_CONFIG);
    }

    /**
     * Returns the watched directory as an absolute, normalized path.
     *
     * @return the value of {@value #FILE_PATH_CONFIG}
     */
    public Path directory() {
        return Paths.get(getString(FILE_PATH_CONFIG)).toAbsolutePath().normalize();
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
     * Tells whether files present at start (without a committed offset) are read.
     *
     * @return {@code true} when {@value #FILE_EXISTING_CONFIG} is {@value #FILE_EXISTING_PROCESS}
     */
    public boolean processExistingFiles() {
        return FILE_EXISTING_PROCESS.equals(getString(FILE_EXISTING_CONFIG).toLowerCase(Locale.ROOT));
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

    /** Accepts the path of an existing directory. */
    private static final class ExistingDirectory implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, "must be the path of an existing directory");
            }
            Path path;
            try {
                path = Paths.get(value.toString());
            } catch (InvalidPathException e) {
                throw new ConfigException(name, value, "is not a valid path: " + e.getMessage());
            }
            if (!Files.exists(path)) {
                throw new ConfigException(name, value, "directory does not exist");
            }
            if (!Files.isDirectory(path)) {
                throw new ConfigException(name, value, "is not a directory");
            }
            if (!Files.isReadable(path)) {
                throw new ConfigException(name, value, "directory is not readable");
            }
        }

        @Override
        public String toString() {
            return "path of an existing, readable directory";
        }
    }

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
}
