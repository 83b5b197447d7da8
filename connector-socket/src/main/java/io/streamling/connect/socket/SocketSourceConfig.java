package io.streamling.connect.socket;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the socket source, shared by {@link SocketSourceConnector} and
 * {@link SocketSourceTask}: there is exactly one {@link ConfigDef}, {@link #CONFIG_DEF}.
 *
 * <p>Constructing an instance validates every key and the rules that tie keys together
 * ({@link #crossFieldErrors()}); a bad value fails with a {@link ConfigException} whose message names
 * the key and what is allowed. Enumerated values are case-insensitive.
 */
public final class SocketSourceConfig extends AbstractConfig {

    // ------------------------------------------------------------------ keys: connection

    /** Kafka topic the lines are written to. Required. */
    public static final String TOPIC = "topic";
    /** {@code client} (connect to host:port, the default, Spark's semantics) or {@code server} (listen). */
    public static final String SOCKET_MODE = "socket.mode";
    /** Client mode: the server to connect to (required). Server mode: the local address to listen on. */
    public static final String SOCKET_HOST = "socket.host";
    /** Client mode: the server's port, 1..65535. Server mode: the port to listen on, 0 for any free one. */
    public static final String SOCKET_PORT = "socket.port";
    /** TCP connect timeout (client mode) and TLS handshake timeout (both modes), in milliseconds. */
    public static final String SOCKET_CONNECT_TIMEOUT_MS = "socket.connect.timeout.ms";
    /** SO_RCVBUF of each connection in bytes; -1 leaves the operating system's default. */
    public static final String SOCKET_RECEIVE_BUFFER_BYTES = "socket.receive.buffer.bytes";

    // ------------------------------------------------------------------ keys: client mode

    /** First delay before reconnecting, in milliseconds. */
    public static final String RECONNECT_BACKOFF_INITIAL_MS = "reconnect.backoff.initial.ms";
    /** Upper bound of the reconnect delay, in milliseconds. */
    public static final String RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms";

    // ------------------------------------------------------------------ keys: server mode

    /** Most clients connected at the same time in server mode; further ones are closed at once. */
    public static final String SERVER_MAX_CONNECTIONS = "server.max.connections";
    /** Server mode: a client that sends nothing for this long is disconnected; 0 never. */
    public static final String SERVER_IDLE_TIMEOUT_MS = "server.idle.timeout.ms";

    // ------------------------------------------------------------------ keys: framing and bad input

    /** {@code lines} (newline-delimited text) or {@code length-prefixed} (4-byte length + bytes). */
    public static final String SOCKET_FRAMING = "socket.framing";
    /** Charset used to decode each line. */
    public static final String SOCKET_CHARSET = "socket.charset";
    /** Maximum length of a line (or frame) in bytes. */
    public static final String LINE_MAX_BYTES = "line.max.bytes";
    /** What to do with a line longer than {@link #LINE_MAX_BYTES}: {@code truncate}, {@code skip} or {@code fail}. */
    public static final String LINE_TOO_LONG_POLICY = "line.too.long.policy";
    /** What to do with a line invalid in the charset: {@code replace}, {@code skip} or {@code fail}. */
    public static final String DECODE_ERROR_POLICY = "decode.error.policy";

    // ------------------------------------------------------------------ keys: records and buffering

    /** {@code none} (no key) or {@code remote} (the peer's "host:port" as the record key). */
    public static final String RECORD_KEY = "record.key";
    /** Capacity of the in-memory buffer between the socket readers and poll(), in lines. */
    public static final String BUFFER_MAX_LINES = "buffer.max.lines";
    /** Capacity of the same buffer in bytes of line content. */
    public static final String BUFFER_MAX_BYTES = "buffer.max.bytes";
    /** Maximum number of records returned by one poll(). */
    public static final String POLL_MAX_RECORDS = "poll.max.records";
    /** Longest a poll() waits for the first record, in milliseconds. */
    public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";

    // ------------------------------------------------------------------ keys: TLS (named like Kafka's)

    /** Whether connections use TLS. */
    public static final String SSL_ENABLED = "ssl.enabled";
    /** SSLContext protocol, as in Kafka. */
    public static final String SSL_PROTOCOL = "ssl.protocol";
    /** Protocols enabled on each connection, as in Kafka. */
    public static final String SSL_ENABLED_PROTOCOLS = "ssl.enabled.protocols";
    /** Key store file format, as in Kafka. */
    public static final String SSL_KEYSTORE_TYPE = "ssl.keystore.type";
    /** Key store file, as in Kafka. */
    public static final String SSL_KEYSTORE_LOCATION = "ssl.keystore.location";
    /** Key store password, as in Kafka. */
    public static final String SSL_KEYSTORE_PASSWORD = "ssl.keystore.password";
    /** Private key password, as in Kafka. */
    public static final String SSL_KEY_PASSWORD = "ssl.key.password";
    /** Trust store file format, as in Kafka. */
    public static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";
    /** Trust store file, as in Kafka. */
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    /** Trust store password, as in Kafka. */
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    /** Server mode: {@code none}, {@code requested} or {@code required} client certificates, as in Kafka. */
    public static final String SSL_CLIENT_AUTH = "ssl.client.auth";
    /** Client mode: {@code https} checks the server's name in its certificate; empty disables, as in Kafka. */
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM = "ssl.endpoint.identification.algorithm";

    // ------------------------------------------------------------------ defaults

    static final String DEFAULT_SERVER_HOST = "127.0.0.1";
    static final String DEFAULT_CHARSET = "UTF-8";
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    static final long DEFAULT_BACKOFF_INITIAL_MS = 100L;
    static final long DEFAULT_BACKOFF_MAX_MS = 10_000L;
    static final int DEFAULT_MAX_CONNECTIONS = 100;
    static final long DEFAULT_IDLE_TIMEOUT_MS = 300_000L;
    /** Half of the producer's default max.request.size (1 MiB), so a maximal line still fits a request. */
    static final int DEFAULT_LINE_MAX_BYTES = 524_288;
    static final int DEFAULT_BUFFER_MAX_LINES = 10_000;
    static final long DEFAULT_BUFFER_MAX_BYTES = 16L * 1024 * 1024;
    static final int DEFAULT_POLL_MAX_RECORDS = 1_000;
    static final long DEFAULT_POLL_TIMEOUT_MS = 200L;

    private static final String GROUP_CONNECTION = "Connection";
    private static final String GROUP_CLIENT = "Client mode";
    private static final String GROUP_SERVER = "Server mode";
    private static final String GROUP_FRAMING = "Framing and bad input";
    private static final String GROUP_RECORDS = "Records and buffering";
    private static final String GROUP_TLS = "TLS";

    /** The one definition used by the connector ({@code config()}) and by the task. */
    public static final ConfigDef CONFIG_DEF = defineConfig();

    /**
     * Parses and validates the given connector or task properties.
     *
     * @param props raw properties, as given to {@code start(Map)}
     * @throws ConfigException naming the offending key if a value is missing or invalid
     */
    public SocketSourceConfig(Map<String, String> props) {
        this(props, true);
    }

    /**
     * @param checkCrossFields false to parse with the per-key validators only, so that a caller can
     *                         collect every {@link #crossFieldErrors()} instead of failing on the first
     */
    SocketSourceConfig(Map<String, String> props, boolean checkCrossFields) {
        super(CONFIG_DEF, props, false);
        if (!checkCrossFields) {
            return;
        }
        Map<String, String> errors = crossFieldErrors();
        if (!errors.isEmpty()) {
            Map.Entry<String, String> first = errors.entrySet().iterator().next();
            throw new ConfigException(first.getKey(), originals().get(first.getKey()), first.getValue());
        }
    }

    /**
     * The rules a single key's validator cannot express, in definition order. The constructor throws
     * for the first; {@link SocketSourceConnector#validate(Map)} reports them all.
     *
     * @return key -&gt; what is wrong with it; empty when the configuration is consistent
     */
    Map<String, String> crossFieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (mode() == Mode.CLIENT) {
            if (getString(SOCKET_HOST) == null) {
                errors.put(SOCKET_HOST, "is required in client mode: the server to connect to");
            }
            if (port() == 0) {
                errors.put(SOCKET_PORT, "must be 1..65535 in client mode (0, any free port, exists in server mode only)");
            }
        }
        if (reconnectBackoffMaxMs() < reconnectBackoffInitialMs()) {
            errors.put(RECONNECT_BACKOFF_MAX_MS, "must be >= " + RECONNECT_BACKOFF_INITIAL_MS
                + " (" + reconnectBackoffInitialMs() + ")");
        }
        if (lineMaxBytes() > bufferMaxBytes()) {
            errors.put(BUFFER_MAX_BYTES, "must be >= " + LINE_MAX_BYTES + " (" + lineMaxBytes()
                + "), or a maximal line could never enter the buffer");
        }
        if (sslEnabled() && mode() == Mode.SERVER && sslKeystoreLocation() == null) {
            errors.put(SSL_KEYSTORE_LOCATION, "is required when " + SSL_ENABLED + "=true in server mode: "
                + "the server's certificate and key");
        }
        return errors;
    }

    // ------------------------------------------------------------------ typed accessors

    /** @return the target topic */
    public String topic() {
        return getString(TOPIC);
    }

    /** @return client or server mode */
    public Mode mode() {
        return Mode.parse(getString(SOCKET_MODE));
    }

    /** @return client mode: the server to connect to; server mode: the address to listen on (default 127.0.0.1) */
    public String host() {
        String host = getString(SOCKET_HOST);
        return host == null && mode() == Mode.SERVER ? DEFAULT_SERVER_HOST : host;
    }

    /** @return the server port (client mode) or the port to listen on (server mode, 0 = any free port) */
    public int port() {
        return getInt(SOCKET_PORT);
    }

    /** @return TCP connect and TLS handshake timeout in ms */
    public int connectTimeoutMs() {
        return getInt(SOCKET_CONNECT_TIMEOUT_MS);
    }

    /** @return SO_RCVBUF to set, or -1 for the OS default */
    public int receiveBufferBytes() {
        return getInt(SOCKET_RECEIVE_BUFFER_BYTES);
    }

    /** @return the first reconnect delay in ms */
    public long reconnectBackoffInitialMs() {
        return getLong(RECONNECT_BACKOFF_INITIAL_MS);
    }

    /** @return the maximum reconnect delay in ms */
    public long reconnectBackoffMaxMs() {
        return getLong(RECONNECT_BACKOFF_MAX_MS);
    }

    /** @return the most clients served at once in server mode */
    public int serverMaxConnections() {
        return getInt(SERVER_MAX_CONNECTIONS);
    }

    /** @return idle timeout of a server-mode connection in ms; 0 = none */
    public long serverIdleTimeoutMs() {
        return getLong(SERVER_IDLE_TIMEOUT_MS);
    }

    /** @return how the byte stream is cut into records */
    public Framing framing() {
        return Framing.parse(getString(SOCKET_FRAMING));
    }

    /** @return the charset lines are decoded with */
    public Charset charset() {
        return Charset.forName(getString(SOCKET_CHARSET).trim());
    }

    /** @return maximum line (or frame) length in bytes */
    public int lineMaxBytes() {
        return getInt(LINE_MAX_BYTES);
    }

    /** @return the policy for over-long lines */
    public TooLongPolicy lineTooLongPolicy() {
        return TooLongPolicy.parse(getString(LINE_TOO_LONG_POLICY));
    }

    /** @return the policy for lines that are invalid in the charset */
    public DecodeErrorPolicy decodeErrorPolicy() {
        return DecodeErrorPolicy.parse(getString(DECODE_ERROR_POLICY));
    }

    /** @return what the record key is */
    public RecordKey recordKey() {
        return RecordKey.parse(getString(RECORD_KEY));
    }

    /** @return capacity of the buffer in lines */
    public int bufferMaxLines() {
        return getInt(BUFFER_MAX_LINES);
    }

    /** @return capacity of the buffer in bytes of line content */
    public long bufferMaxBytes() {
        return getLong(BUFFER_MAX_BYTES);
    }

    /** @return maximum records per poll */
    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS);
    }

    /** @return longest wait of one poll() in ms */
    public long pollTimeoutMs() {
        return getLong(POLL_TIMEOUT_MS);
    }

    /** @return whether TLS is on */
    public boolean sslEnabled() {
        return getBoolean(SSL_ENABLED);
    }

    /** @return the SSLContext protocol */
    public String sslProtocol() {
        return getString(SSL_PROTOCOL);
    }

    /** @return the protocols enabled on each connection */
    public List<String> sslEnabledProtocols() {
        return getList(SSL_ENABLED_PROTOCOLS);
    }

    /** @return key store type */
    public String sslKeystoreType() {
        return getString(SSL_KEYSTORE_TYPE);
    }

    /** @return key store file or null */
    public String sslKeystoreLocation() {
        return getString(SSL_KEYSTORE_LOCATION);
    }

    /** @return key store password or null */
    public Password sslKeystorePassword() {
        return getPassword(SSL_KEYSTORE_PASSWORD);
    }

    /** @return private key password or null (then the key store password is used) */
    public Password sslKeyPassword() {
        return getPassword(SSL_KEY_PASSWORD);
    }

    /** @return trust store type */
    public String sslTruststoreType() {
        return getString(SSL_TRUSTSTORE_TYPE);
    }

    /** @return trust store file or null (then the JDK's default trust store) */
    public String sslTruststoreLocation() {
        return getString(SSL_TRUSTSTORE_LOCATION);
    }

    /** @return trust store password or null */
    public Password sslTruststorePassword() {
        return getPassword(SSL_TRUSTSTORE_PASSWORD);
    }

    /** @return whether the server asks clients for certificates */
    public ClientAuth sslClientAuth() {
        return ClientAuth.parse(getString(SSL_CLIENT_AUTH));
    }

    /** @return the endpoint identification algorithm, or an empty string for none */
    public String sslEndpointIdentificationAlgorithm() {
        String algorithm = getString(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);
        return algorithm == null ? "" : algorithm.trim();
    }

    // ------------------------------------------------------------------ enumerations

    /** Lower-case, dash-separated config value of an enum constant: LENGTH_PREFIXED -&gt; length-prefixed. */
    private static String configValueOf(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String[] values(Enum<?>[] constants) {
        return Arrays.stream(constants).map(SocketSourceConfig::configValueOf).toArray(String[]::new);
    }

    /** Who opens the TCP connection. */
    public enum Mode {
        /** The connector connects to a server (Spark's socketTextStream). */
        CLIENT,
        /** The connector listens and clients connect to it. */
        SERVER;

        static Mode parse(String value) {
            return SocketSourceConfig.parse(Mode.class, value);
        }

        /** @return the value as written in a configuration */
        public String configValue() {
            return configValueOf(this);
        }
    }

    /** How the byte stream is cut into records. */
    public enum Framing {
        /** Text lines ending in \n (one trailing \r removed), decoded with socket.charset. */
        LINES,
        /** A 4-byte big-endian unsigned length, then that many bytes; the value is the raw bytes. */
        LENGTH_PREFIXED;

        static Framing parse(String value) {
            return SocketSourceConfig.parse(Framing.class, value);
        }

        /** @return the value as written in a configuration */
        public String configValue() {
            return configValueOf(this);
        }
    }

    /** What happens to a line (or frame) longer than line.max.bytes. */
    public enum TooLongPolicy {
        /** Keep the first line.max.bytes bytes, discard the rest, count it. */
        TRUNCATE,
        /** Drop the whole line, count it. */
        SKIP,
        /** Fail the task (after the lines before it). */
        FAIL;

        static TooLongPolicy parse(String value) {
            return SocketSourceConfig.parse(TooLongPolicy.class, value);
        }

        /** @return the value as written in a configuration */
        public String configValue() {
            return configValueOf(this);
        }
    }

    /** What happens to a line whose bytes are invalid in the charset. */
    public enum DecodeErrorPolicy {
        /** Replace each invalid sequence by U+FFFD, keep the line, count it. */
        REPLACE,
        /** Drop the line, count it. */
        SKIP,
        /** Fail the task (after the lines before it). */
        FAIL;

        static DecodeErrorPolicy parse(String value) {
            return SocketSourceConfig.parse(DecodeErrorPolicy.class, value);
        }

        /** @return the value as written in a configuration */
        public String configValue() {
            return configValueOf(this);
        }
    }

    /** The record key. */
    public enum RecordKey {
        /** No key: the producer spreads records over partitions. */
        NONE,
        /** The peer's "host:port": each connection's lines stay in one partition, in order. */
        REMOTE;

        static RecordKey parse(String value) {
            return SocketSourceConfig.parse(RecordKey.class, value);
        }

        /** @return the value as written in a configuration */
        public String configValue() {
            return configValueOf(this);
        }
    }

    /** Client certificates in server mode, as Kafka's ssl.client.auth. */
    public enum ClientAuth {
        /** Not asked for. */
        NONE,
        /** Asked for, optional. */
        REQUESTED,
        /** Required: a client without a trusted certificate is refused. */
        REQUIRED;

        static ClientAuth parse(String value) {
            return SocketSourceConfig.parse(ClientAuth.class, value);
        }

        /** @return the value as written in a configuration */
        public String configValue() {
            return configValueOf(this);
        }
    }

    // ------------------------------------------------------------------ definition

    private static ConfigDef defineConfig() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
            Importance.HIGH, "Kafka topic every line is written to.",
            GROUP_CONNECTION, ++order, Width.MEDIUM, "Topic");
        def.define(SOCKET_MODE, Type.STRING, Mode.CLIENT.configValue(),
            Validators.oneOf(values(Mode.values())),
            Importance.HIGH, "'client': connect to " + SOCKET_HOST + ":" + SOCKET_PORT + " and read what the server "
                + "sends (Spark's socketTextStream); reconnects with backoff, may start before the server exists. "
                + "'server': listen on " + SOCKET_HOST + ":" + SOCKET_PORT + " and read what every connected client "
                + "sends (up to " + SERVER_MAX_CONNECTIONS + " at a time).",
            GROUP_CONNECTION, ++order, Width.SHORT, "Mode");
        def.define(SOCKET_HOST, Type.STRING, null, Validators.nullOrNonEmpty(),
            Importance.HIGH, "Client mode: host name or IP address of the server to connect to (required). "
                + "Server mode: local address to listen on; default " + DEFAULT_SERVER_HOST + " so that only this "
                + "machine can connect (use 0.0.0.0 to accept remote clients).",
            GROUP_CONNECTION, ++order, Width.MEDIUM, "Host");
        def.define(SOCKET_PORT, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.between(0, 65535),
            Importance.HIGH, "Client mode: the server's TCP port (1..65535). Server mode: the port to listen on; "
                + "0 picks a free port (reported by the LocalPort metric).",
            GROUP_CONNECTION, ++order, Width.SHORT, "Port");
        def.define(SOCKET_CONNECT_TIMEOUT_MS, Type.INT, DEFAULT_CONNECT_TIMEOUT_MS, Range.atLeast(1),
            Importance.LOW, "Client mode: TCP connect timeout, so a black-holed address does not stall the "
                + "reconnect loop. Both modes: longest a TLS handshake may take.",
            GROUP_CONNECTION, ++order, Width.SHORT, "Connect timeout (ms)");
        def.define(SOCKET_RECEIVE_BUFFER_BYTES, Type.INT, -1, Range.atLeast(-1),
            Importance.LOW, "SO_RCVBUF of each connection; -1 keeps the operating system's default. The kernel buffers "
                + "this much (and the sender its send buffer) beyond " + BUFFER_MAX_BYTES + " before TCP pushes back.",
            GROUP_CONNECTION, ++order, Width.SHORT, "Receive buffer (bytes)");

        order = 0;
        def.define(RECONNECT_BACKOFF_INITIAL_MS, Type.LONG, DEFAULT_BACKOFF_INITIAL_MS, Range.atLeast(1),
            Importance.LOW, "Client mode: delay before the first reconnect attempt after a failed connect or a "
                + "closed connection. Each further failed attempt doubles the delay, with random jitter (50-100 %), "
                + "up to " + RECONNECT_BACKOFF_MAX_MS + ". A connection that delivered data starts over.",
            GROUP_CLIENT, ++order, Width.SHORT, "Initial reconnect backoff (ms)");
        def.define(RECONNECT_BACKOFF_MAX_MS, Type.LONG, DEFAULT_BACKOFF_MAX_MS, Range.atLeast(1),
            Importance.LOW, "Client mode: upper bound of the reconnect delay. Must be >= "
                + RECONNECT_BACKOFF_INITIAL_MS + ".",
            GROUP_CLIENT, ++order, Width.SHORT, "Maximum reconnect backoff (ms)");

        order = 0;
        def.define(SERVER_MAX_CONNECTIONS, Type.INT, DEFAULT_MAX_CONNECTIONS, Range.atLeast(1),
            Importance.MEDIUM, "Server mode: most clients connected at once. A further client is accepted and "
                + "closed at once (it sees end of stream) and counted in ConnectionsRejected; whatever it sent is "
                + "never read. Each connection uses one thread.",
            GROUP_SERVER, ++order, Width.SHORT, "Maximum connections");
        def.define(SERVER_IDLE_TIMEOUT_MS, Type.LONG, DEFAULT_IDLE_TIMEOUT_MS, Range.atLeast(0),
            Importance.MEDIUM, "Server mode: a client that sends nothing for this long is disconnected and counted "
                + "in IdleTimeouts, so silent clients cannot hold every connection slot. 0 never disconnects. "
                + "Time spent waiting for a full buffer does not count as idle.",
            GROUP_SERVER, ++order, Width.SHORT, "Idle timeout (ms)");

        order = 0;
        def.define(SOCKET_FRAMING, Type.STRING, Framing.LINES.configValue(),
            Validators.oneOf(values(Framing.values())),
            Importance.MEDIUM, "'lines': newline-delimited text decoded with " + SOCKET_CHARSET + ", one String "
                + "record per line. 'length-prefixed': binary frames, each a 4-byte big-endian unsigned length then "
                + "that many bytes, one bytes record per frame (Spark's socketStream with a converter; use "
                + "ByteArrayConverter or your own converter as value.converter).",
            GROUP_FRAMING, ++order, Width.SHORT, "Framing");
        def.define(SOCKET_CHARSET, Type.STRING, DEFAULT_CHARSET, new CharsetValidator(),
            Importance.MEDIUM, "Charset used to decode each line. Lines are split on the byte 0x0A before decoding, "
                + "so the charset must encode CR and LF as single ASCII bytes (UTF-8, US-ASCII, ISO-8859-*, "
                + "windows-125*; not UTF-16/32). Invalid bytes follow " + DECODE_ERROR_POLICY + "; the following "
                + "lines are never affected.",
            GROUP_FRAMING, ++order, Width.SHORT, "Charset");
        def.define(LINE_MAX_BYTES, Type.INT, DEFAULT_LINE_MAX_BYTES, Range.atLeast(1),
            Importance.MEDIUM, "Maximum length of one line (without its terminator) or frame, in bytes. Longer ones "
                + "follow " + LINE_TOO_LONG_POLICY + "; at most this many bytes of a line are ever held per "
                + "connection. Keep it below the producer's max.request.size (1 MiB by default).",
            GROUP_FRAMING, ++order, Width.SHORT, "Maximum line length (bytes)");
        def.define(LINE_TOO_LONG_POLICY, Type.STRING, TooLongPolicy.TRUNCATE.configValue(),
            Validators.oneOf(values(TooLongPolicy.values())),
            Importance.MEDIUM, "A line longer than " + LINE_MAX_BYTES + ": 'truncate' keeps its first "
                + LINE_MAX_BYTES + " bytes (a character cut in half becomes U+FFFD) and counts it in LinesTruncated; "
                + "'skip' drops it and counts it in LinesDroppedTooLong; 'fail' fails the task as soon as the limit "
                + "is passed (lines read before it are still delivered). The next line is never affected.",
            GROUP_FRAMING, ++order, Width.SHORT, "Too-long line policy");
        def.define(DECODE_ERROR_POLICY, Type.STRING, DecodeErrorPolicy.REPLACE.configValue(),
            Validators.oneOf(values(DecodeErrorPolicy.values())),
            Importance.MEDIUM, "A line with bytes that are invalid in " + SOCKET_CHARSET + ": 'replace' turns each "
                + "invalid sequence into U+FFFD, keeps the line and counts it in LinesWithReplacement; 'skip' drops "
                + "it and counts it in LinesDroppedUndecodable; 'fail' fails the task (lines read before it are "
                + "still delivered). Not used with length-prefixed framing.",
            GROUP_FRAMING, ++order, Width.SHORT, "Decode error policy");

        order = 0;
        def.define(RECORD_KEY, Type.STRING, RecordKey.NONE.configValue(),
            Validators.oneOf(values(RecordKey.values())),
            Importance.LOW, "'none': records have no key (like Spark's socket source). 'remote': the key is the "
                + "peer's \"host:port\", so each connection's lines stay in one partition and keep their order "
                + "when the topic has several partitions.",
            GROUP_RECORDS, ++order, Width.SHORT, "Record key");
        def.define(BUFFER_MAX_LINES, Type.INT, DEFAULT_BUFFER_MAX_LINES, Range.atLeast(1),
            Importance.LOW, "Capacity, in lines, of the in-memory buffer between the socket readers and poll(). "
                + "When it (or " + BUFFER_MAX_BYTES + ") is full the readers stop reading, so TCP flow control "
                + "pushes back on the peers instead of the heap growing. Lines in the buffer are lost if the task "
                + "stops.",
            GROUP_RECORDS, ++order, Width.SHORT, "Buffer size (lines)");
        def.define(BUFFER_MAX_BYTES, Type.LONG, DEFAULT_BUFFER_MAX_BYTES, Range.atLeast(1),
            Importance.LOW, "Capacity of the same buffer in bytes of line content (as received). Must be >= "
                + LINE_MAX_BYTES + ".",
            GROUP_RECORDS, ++order, Width.SHORT, "Buffer size (bytes)");
        def.define(POLL_MAX_RECORDS, Type.INT, DEFAULT_POLL_MAX_RECORDS, Range.atLeast(1),
            Importance.LOW, "Maximum number of records one poll() returns.",
            GROUP_RECORDS, ++order, Width.SHORT, "Records per poll");
        def.define(POLL_TIMEOUT_MS, Type.LONG, DEFAULT_POLL_TIMEOUT_MS, Range.atLeast(1),
            Importance.LOW, "Longest a poll() blocks waiting for the first record before returning null; Connect "
                + "wants poll() to return regularly. stop() wakes a waiting poll() at once.",
            GROUP_RECORDS, ++order, Width.SHORT, "Poll timeout (ms)");

        order = 0;
        def.define(SSL_ENABLED, Type.BOOLEAN, false, Validators.anyBoolean(),
            Importance.MEDIUM, "Whether connections use TLS, in both modes. Client mode verifies the server with "
                + SSL_TRUSTSTORE_LOCATION + " (or the JDK's default trust store); server mode presents the "
                + "certificate in " + SSL_KEYSTORE_LOCATION + " (required).",
            GROUP_TLS, ++order, Width.SHORT, "TLS");
        def.define(SSL_PROTOCOL, Type.STRING, "TLSv1.3", new ConfigDef.NonEmptyString(),
            Importance.LOW, "The SSLContext protocol, as Kafka's ssl.protocol.",
            GROUP_TLS, ++order, Width.SHORT, "TLS protocol");
        def.define(SSL_ENABLED_PROTOCOLS, Type.LIST, "TLSv1.2,TLSv1.3",
            Validators.nonEmptyList("a non-empty list of protocol names, e.g. TLSv1.2,TLSv1.3"),
            Importance.LOW, "Protocols enabled on each connection, as Kafka's ssl.enabled.protocols.",
            GROUP_TLS, ++order, Width.MEDIUM, "Enabled protocols");
        def.define(SSL_KEYSTORE_TYPE, Type.STRING, "PKCS12", new ConfigDef.NonEmptyString(),
            Importance.LOW, "Key store file format (PKCS12 or JKS), as Kafka's ssl.keystore.type.",
            GROUP_TLS, ++order, Width.SHORT, "Key store type");
        def.define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Validators.nullOrNonEmpty(),
            Importance.MEDIUM, "Key store with this side's certificate and private key: required in server mode with "
                + "TLS; in client mode only for servers that want a client certificate.",
            GROUP_TLS, ++order, Width.LONG, "Key store");
        def.define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Validators.anyPassword(),
            Importance.MEDIUM, "Password of the key store.",
            GROUP_TLS, ++order, Width.MEDIUM, "Key store password");
        def.define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Validators.anyPassword(),
            Importance.MEDIUM, "Password of the private key; defaults to " + SSL_KEYSTORE_PASSWORD + ".",
            GROUP_TLS, ++order, Width.MEDIUM, "Key password");
        def.define(SSL_TRUSTSTORE_TYPE, Type.STRING, "PKCS12", new ConfigDef.NonEmptyString(),
            Importance.LOW, "Trust store file format (PKCS12 or JKS), as Kafka's ssl.truststore.type.",
            GROUP_TLS, ++order, Width.SHORT, "Trust store type");
        def.define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Validators.nullOrNonEmpty(),
            Importance.MEDIUM, "Trust store with the certificates this side trusts (client mode: the server's or its "
                + "CA; server mode: the clients', with " + SSL_CLIENT_AUTH + "). Unset: the JDK's default trust store.",
            GROUP_TLS, ++order, Width.LONG, "Trust store");
        def.define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Validators.anyPassword(),
            Importance.MEDIUM, "Password of the trust store.",
            GROUP_TLS, ++order, Width.MEDIUM, "Trust store password");
        def.define(SSL_CLIENT_AUTH, Type.STRING, ClientAuth.NONE.configValue(),
            Validators.oneOf(values(ClientAuth.values())),
            Importance.LOW, "Server mode: whether clients must present a certificate trusted by "
                + SSL_TRUSTSTORE_LOCATION + " ('required'), may ('requested') or are not asked ('none').",
            GROUP_TLS, ++order, Width.SHORT, "Client authentication");
        def.define(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, Type.STRING, "https", Validators.anyString(),
            Importance.LOW, "Client mode: 'https' checks that the server's certificate names " + SOCKET_HOST
                + " (as Kafka's key of the same name); an empty value turns the check off.",
            GROUP_TLS, ++order, Width.SHORT, "Endpoint identification");
        return def;
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
