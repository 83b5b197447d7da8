package io.streamling.connect.socket;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the socket source, shared by {@link SocketSourceConnector} and
 * {@link SocketSourceTask}: there is exactly one {@link ConfigDef}, {@link #CONFIG_DEF}.
 *
 * <p>Constructing an instance validates every key; a bad value fails with a
 * {@link ConfigException} whose message names the key and what is allowed.
 */
public final class SocketSourceConfig extends AbstractConfig {

    /** Kafka topic the lines are written to. Required. */
    public static final String TOPIC = "topic";
    /** Host name or IP address of the TCP server to connect to. Required. */
    public static final String SOCKET_HOST = "socket.host";
    /** TCP port of the server, 1..65535. Required. */
    public static final String SOCKET_PORT = "socket.port";
    /** Charset used to decode each line. */
    public static final String SOCKET_CHARSET = "socket.charset";
    /** First delay before reconnecting, in milliseconds. */
    public static final String RECONNECT_BACKOFF_INITIAL_MS = "reconnect.backoff.initial.ms";
    /** Upper bound of the reconnect delay, in milliseconds. */
    public static final String RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms";
    /** Capacity of the in-memory line buffer between the reader thread and poll(). */
    public static final String BUFFER_MAX_LINES = "buffer.max.lines";
    /** Maximum number of records returned by one poll(). */
    public static final String POLL_MAX_RECORDS = "poll.max.records";
    /** Maximum length of a line in bytes; longer lines are truncated. */
    public static final String LINE_MAX_BYTES = "line.max.bytes";

    static final String DEFAULT_CHARSET = "UTF-8";
    static final long DEFAULT_BACKOFF_INITIAL_MS = 100L;
    static final long DEFAULT_BACKOFF_MAX_MS = 10_000L;
    static final int DEFAULT_BUFFER_MAX_LINES = 10_000;
    static final int DEFAULT_POLL_MAX_RECORDS = 1_000;
    static final int DEFAULT_LINE_MAX_BYTES = 1_048_576;

    private static final String GROUP = "Socket";

    /** The one definition used by the connector ({@code config()}) and by the task. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
            Importance.HIGH, "Kafka topic every line is written to (as a String value, no key).",
            GROUP, 1, ConfigDef.Width.MEDIUM, "Topic")
        .define(SOCKET_HOST, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
            Importance.HIGH, "Host name or IP address of the TCP server to connect to (the connector is a client, "
                + "like Spark's socketTextStream).",
            GROUP, 2, ConfigDef.Width.MEDIUM, "Host")
        .define(SOCKET_PORT, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.between(1, 65535),
            Importance.HIGH, "TCP port of the server.",
            GROUP, 3, ConfigDef.Width.SHORT, "Port")
        .define(SOCKET_CHARSET, Type.STRING, DEFAULT_CHARSET, new CharsetValidator(),
            Importance.MEDIUM, "Charset used to decode each line. Lines are split on the byte 0x0A before decoding, "
                + "so the charset must encode CR and LF as single ASCII bytes (UTF-8, US-ASCII, ISO-8859-*, "
                + "windows-125*; not UTF-16/32). Bytes that are invalid in the charset are replaced by U+FFFD; "
                + "the rest of the line and the following lines are kept.",
            GROUP, 4, ConfigDef.Width.SHORT, "Charset")
        .define(RECONNECT_BACKOFF_INITIAL_MS, Type.LONG, DEFAULT_BACKOFF_INITIAL_MS, Range.atLeast(1),
            Importance.LOW, "Delay before the first reconnect attempt after a failed connect or a closed "
                + "connection. Each further failed attempt doubles the delay (with random jitter) up to "
                + RECONNECT_BACKOFF_MAX_MS + ".",
            GROUP, 5, ConfigDef.Width.SHORT, "Initial reconnect backoff (ms)")
        .define(RECONNECT_BACKOFF_MAX_MS, Type.LONG, DEFAULT_BACKOFF_MAX_MS, Range.atLeast(1),
            Importance.LOW, "Upper bound of the reconnect delay. Must be >= " + RECONNECT_BACKOFF_INITIAL_MS + ".",
            GROUP, 6, ConfigDef.Width.SHORT, "Maximum reconnect backoff (ms)")
        .define(BUFFER_MAX_LINES, Type.INT, DEFAULT_BUFFER_MAX_LINES, Range.atLeast(1),
            Importance.LOW, "Capacity, in lines, of the in-memory buffer between the socket reader and poll(). "
                + "When it is full the reader stops reading, so TCP flow control pushes back on the server "
                + "instead of the heap growing. Lines in the buffer are lost if the task stops.",
            GROUP, 7, ConfigDef.Width.SHORT, "Buffer size (lines)")
        .define(POLL_MAX_RECORDS, Type.INT, DEFAULT_POLL_MAX_RECORDS, Range.atLeast(1),
            Importance.LOW, "Maximum number of records one poll() returns.",
            GROUP, 8, ConfigDef.Width.SHORT, "Records per poll")
        .define(LINE_MAX_BYTES, Type.INT, DEFAULT_LINE_MAX_BYTES, Range.atLeast(1),
            Importance.LOW, "Maximum length of one line in bytes (without the line terminator). A longer line is "
                + "truncated to this many bytes (a multi-byte character cut in half becomes U+FFFD), the rest of "
                + "it is discarded up to the next newline, and the truncation is counted. The next line is not "
                + "affected.",
            GROUP, 9, ConfigDef.Width.SHORT, "Maximum line length (bytes)");

    /**
     * Parses and validates the given connector or task properties.
     *
     * @param props raw properties, as given to {@code start(Map)}
     * @throws ConfigException naming the offending key if a value is missing or invalid
     */
    public SocketSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        // cross-field rule ConfigDef validators cannot express
        if (reconnectBackoffMaxMs() < reconnectBackoffInitialMs()) {
            throw new ConfigException(RECONNECT_BACKOFF_MAX_MS, reconnectBackoffMaxMs(),
                "must be >= " + RECONNECT_BACKOFF_INITIAL_MS + " (" + reconnectBackoffInitialMs() + ")");
        }
    }

    /** @return the target topic */
    public String topic() {
        return getString(TOPIC);
    }

    /** @return the server host */
    public String host() {
        return getString(SOCKET_HOST);
    }

    /** @return the server port, 1..65535 */
    public int port() {
        return getInt(SOCKET_PORT);
    }

    /** @return the charset lines are decoded with */
    public Charset charset() {
        return Charset.forName(getString(SOCKET_CHARSET).trim());
    }

    /** @return the first reconnect delay in ms */
    public long reconnectBackoffInitialMs() {
        return getLong(RECONNECT_BACKOFF_INITIAL_MS);
    }

    /** @return the maximum reconnect delay in ms */
    public long reconnectBackoffMaxMs() {
        return getLong(RECONNECT_BACKOFF_MAX_MS);
    }

    /** @return capacity of the line buffer */
    public int bufferMaxLines() {
        return getInt(BUFFER_MAX_LINES);
    }

    /** @return maximum records per poll */
    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS);
    }

    /** @return maximum line length in bytes */
    public int lineMaxBytes() {
        return getInt(LINE_MAX_BYTES);
    }

    /**
     * Accepts a charset this JVM knows whose CR and LF are the single bytes 0x0D and 0x0A, because the
     * reader frames lines on bytes before decoding (which is what keeps a bad byte from eating a newline).
     */
    static final class CharsetValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "must name a charset, e.g. UTF-8");
            }
            Charset cs;
            try {
                cs = Charset.forName(value.toString().trim());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new ConfigException(name, value, "unknown charset; use a name this JVM supports, e.g. UTF-8");
            }
            if (!cs.canEncode() || !Arrays.equals("\r\n".getBytes(cs), new byte[] {'\r', '\n'})) {
                throw new ConfigException(name, value,
                    "lines are split on byte 0x0A, so the charset must encode CR/LF as single ASCII bytes "
                        + "(e.g. UTF-8, US-ASCII, ISO-8859-1)");
            }
        }

        @Override
        public String toString() {
            return "a known ASCII-compatible charset, e.g. UTF-8, US-ASCII, ISO-8859-1";
        }
    }
}
