package io.streamling.streaming;

import io.streamling.api.ElementCodec;
import io.streamling.internal.serde.ElementSerde;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a streaming program, in the role of Spark's {@code SparkConf}.
 *
 * <p>Keys starting with {@code streamling.} are Streamling's own and are checked when the
 * context starts; every other key is handed to Kafka Streams as it is (for example
 * {@code processing.guarantee=exactly_once_v2} or {@code num.stream.threads}).
 */
public final class StreamingConf {

    /** The application name: the Kafka Streams application id and the prefix of its topics. */
    public static final String APP_NAME = "streamling.app.name";
    /** The Kafka cluster to run against; absent = start an embedded broker (the default). */
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    /** After how long without data a source partition stops holding batches open (ms, default 2000). */
    public static final String IDLE_TIMEOUT_MS = "streamling.idle.timeout.ms";
    /** The default of {@link #IDLE_TIMEOUT_MS}. */
    public static final long IDLE_TIMEOUT_MS_DEFAULT = 2_000;
    /**
     * How late a record may arrive and still count in its batch (ms, default 0): batches close this
     * much after the watermark passes their end. Structured Streaming's {@code withWatermark} delay.
     */
    public static final String ALLOWED_LATENESS_MS = "streamling.allowed.lateness.ms";
    /** The most consecutive empty batches an output prints after a gap without data (default 1000). */
    public static final String MAX_EMPTY_BATCHES = "streamling.empty.batches.max";
    /** Where source records that arrive after their batch closed go; absent = counted and dropped. */
    public static final String LATE_TOPIC = "streamling.late.topic";
    /** What happens when a user function throws on an element: {@code fail} (default), {@code skip} or {@code dead-letter}. */
    public static final String RECORD_ERROR_POLICY = "streamling.record.error.policy";
    /** Where elements go under the {@code dead-letter} policy: their text, the error in headers. */
    public static final String DEAD_LETTER_TOPIC = "streamling.dead.letter.topic";
    /** Where state lives; absent = a temporary directory removed at stop. */
    public static final String STATE_DIR = "streamling.state.dir";

    private final Map<String, String> settings = new LinkedHashMap<>();

    /** Sets the application name. */
    public StreamingConf setAppName(String name) {
        return set(APP_NAME, name);
    }

    /**
     * Accepted so that a Spark program's {@code setMaster("local[2]")} ports unchanged, and ignored:
     * the program runs as a Kafka Streams application, one task per source partition on up to one
     * stream thread per core ({@code num.stream.threads} sets the threads).
     *
     * @throws IllegalArgumentException if {@code master} is null or blank
     */
    public StreamingConf setMaster(String master) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("master must be a Spark master URL such as local[2], got '" + master + "'");
        }
        return this;
    }

    /** Runs against this Kafka cluster instead of an embedded broker. */
    public StreamingConf setBootstrapServers(String bootstrapServers) {
        return set(BOOTSTRAP_SERVERS, bootstrapServers);
    }

    /**
     * Registers a compact encoding for {@code type}, used instead of Java serialization wherever the
     * program's elements of exactly that class go through a repartition topic or a state store
     * (Spark's {@code registerKryoClasses}, with the serializer given). Registrations are
     * process-wide; state outlives the process, so a restarted application must register the same
     * codecs under the same ids. See {@link ElementCodec}.
     *
     * @param id the codec's stable id, written with every value (0 or more, unique per type)
     * @throws IllegalArgumentException for a negative id, an id or type already registered
     *     otherwise, or a type Streamling encodes itself (String, boxed numbers, lists, Row…)
     */
    public <T> StreamingConf registerElementCodec(int id, Class<T> type, ElementCodec<? super T> codec) {
        ElementSerde.register(id, Objects.requireNonNull(type, "type"), Objects.requireNonNull(codec, "codec"));
        return this;
    }

    /** Sets any key; returns this configuration. */
    public StreamingConf set(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("configuration key must not be empty");
        }
        if (value == null) {
            throw new IllegalArgumentException("configuration value of " + key + " must not be null");
        }
        settings.put(key, value);
        return this;
    }

    /** The value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The idle timeout in milliseconds, {@link #IDLE_TIMEOUT_MS_DEFAULT} unless set (checked at start). */
    public long idleTimeoutMs() {
        return get(IDLE_TIMEOUT_MS).map(Long::parseLong).orElse(IDLE_TIMEOUT_MS_DEFAULT);
    }

    /** The allowed lateness in milliseconds, 0 unless set (checked at start). */
    public long allowedLatenessMs() {
        return get(ALLOWED_LATENESS_MS).map(Long::parseLong).orElse(0L);
    }

    /** A copy of every setting. */
    public Map<String, String> getAll() {
        return Map.copyOf(settings);
    }
}
