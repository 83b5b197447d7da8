package io.streamling.connect.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.streamling.connect.socket.SocketSourceConfig.Framing;
import io.streamling.connect.socket.SocketSourceConfig.Mode;
import io.streamling.connect.socket.SocketSourceConfig.RecordKey;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads from TCP connections (as a client or as a server) and turns every line, or length-prefixed
 * frame, into one {@link SourceRecord}.
 *
 * <h2>Threads</h2>
 * Reader threads own the sockets ({@link ClientModeSource}: one, reconnecting; {@link ServerModeSource}:
 * one per client). They frame, decode and apply the bad-input policies ({@link ConnectionReader}) and
 * put each record into a {@link RecordBuffer} bounded in lines and bytes. When it is full they block,
 * stop reading their socket, and TCP flow control pushes back on the peer. {@link #poll()} drains the
 * buffer, blocking at most {@code poll.timeout.ms}; {@link #stop()} wakes it.
 *
 * <h2>Records</h2>
 * Topic {@code topic}; Kafka partition left to the producer; key null, or the peer's "host:port"
 * with {@code record.key=remote}; value a String ({@link Schema#STRING_SCHEMA}) per line, or bytes
 * ({@link Schema#BYTES_SCHEMA}) per frame; timestamp = wall-clock millis when it was read. Server mode
 * adds the headers {@value #HEADER_REMOTE_HOST} and {@value #HEADER_REMOTE_PORT}. Source partition
 * {@code {"host": h, "port": p}} (the server, or the listening address); source offset
 * {@code {"line": n}}, a running count continued from the last committed offset. A socket cannot be
 * replayed, so the offset is informational: after a restart the task reads whatever comes next.
 *
 * <h2>Metrics</h2>
 * {@link SocketSourceMetrics}, registered over JMX while the task runs; also {@link #metrics()}.
 */
public class SocketSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(SocketSourceTask.class);

    /** Source-partition key for the host. */
    public static final String PARTITION_HOST = "host";
    /** Source-partition key for the port. */
    public static final String PARTITION_PORT = "port";
    /** Source-offset key: running count of records produced for this host and port. */
    public static final String OFFSET_LINE = "line";
    /** Server mode header: the client's IP address. */
    public static final String HEADER_REMOTE_HOST = "socket.remote.host";
    /** Server mode header: the client's port. */
    public static final String HEADER_REMOTE_PORT = "socket.remote.port";
    /** The connector name key Connect puts in every connector (and so task) configuration. */
    static final String CONNECTOR_NAME = "name";

    private static final AtomicInteger UNNAMED = new AtomicInteger();

    private SocketSourceConfig config;
    // read per record or per poll: cached, because AbstractConfig.get also records the key as used
    private String topic;
    private long pollTimeoutMs;
    private int pollMaxRecords;
    private SocketSourceMetrics metrics;
    private RecordBuffer buffer;
    private SocketSource source;
    private Map<String, Object> sourcePartition;
    private Schema valueSchema;
    private boolean withKey;
    private boolean withHeaders;
    private volatile Throwable fatal;
    private RuntimeException pendingFailure; // owned by the poll() thread
    private long lineNumber; // owned by the poll() thread
    private volatile boolean running;

    /** Creates a task; Connect calls {@link #start(Map)} next. */
    public SocketSourceTask() {
    }

    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Validates the configuration, registers the metrics and starts reading (client mode: the reader
     * thread, which connects in the background; server mode: binds the port first).
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key if the configuration is invalid
     * @throws SocketConnectorException if server mode cannot listen on the configured address
     */
    @Override
    public void start(Map<String, String> props) {
        config = new SocketSourceConfig(props);
        topic = config.topic();
        pollTimeoutMs = config.pollTimeoutMs();
        pollMaxRecords = config.pollMaxRecords();
        SSLContext tls = config.sslEnabled() ? TlsContexts.create(config) : null;
        metrics = new SocketSourceMetrics(config.mode());
        buffer = new RecordBuffer(config.bufferMaxLines(), config.bufferMaxBytes(), metrics::bufferFull);
        metrics.attach(buffer);
        sourcePartition = Map.of(PARTITION_HOST, config.host(), PARTITION_PORT, config.port());
        valueSchema = config.framing() == Framing.LINES ? Schema.STRING_SCHEMA : Schema.BYTES_SCHEMA;
        withKey = config.recordKey() == RecordKey.REMOTE;
        withHeaders = config.mode() == Mode.SERVER;
        lineNumber = lastCommittedLineNumber();
        ConnectionReader reader = new ConnectionReader(config, buffer, metrics);
        source = config.mode() == Mode.CLIENT
            ? new ClientModeSource(config, reader, buffer, metrics, tls, this::onFatal)
            : new ServerModeSource(config, reader, buffer, metrics, tls, this::onFatal);
        running = true;
        try {
            source.start();
        } catch (IOException e) {
            running = false;
            buffer.close();
            throw new SocketConnectorException(e.getMessage(), e);
        }
        String name = props.get(CONNECTOR_NAME);
        metrics.register(name != null ? name : "unnamed-" + UNNAMED.incrementAndGet());
        log.info("Socket source task started in {} mode on {}:{} -> topic {} ({} framing, buffer {} lines / {} bytes)",
            config.mode().configValue(), config.host(), metrics.getLocalPort() >= 0 ? metrics.getLocalPort() : config.port(),
            config.topic(), config.framing().configValue(), config.bufferMaxLines(), config.bufferMaxBytes());
    }

    /**
     * Returns up to {@code poll.max.records} records, waiting at most {@code poll.timeout.ms} for the
     * first one; {@code null} if none arrived or the task is stopping.
     *
     * @throws SocketConnectorException when a {@code fail} policy was hit (after the records read before
     *                                  it were returned), or a reader thread died of an unexpected error
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Throwable died = fatal;
        if (died != null) {
            throw new SocketConnectorException("Socket reader thread failed: " + died, died);
        }
        if (pendingFailure != null) {
            throw pendingFailure;
        }
        if (!running) {
            return null;
        }
        List<Received> batch = buffer.poll(pollTimeoutMs, pollMaxRecords);
        if (batch.isEmpty()) {
            return null;
        }
        List<SourceRecord> records = new ArrayList<>(batch.size());
        for (Received item : batch) {
            if (item.isFailure()) {
                // lines after it are dropped with the task; the ones before it go out first
                pendingFailure = item.failure();
                break;
            }
            records.add(toRecord(item));
        }
        metrics.polled(records.size());
        if (records.isEmpty()) {
            throw pendingFailure;
        }
        return records;
    }

    /**
     * Closes every socket, wakes a blocked {@link #poll()} and stops the reader threads. Safe to call
     * from any thread and more than once. Lines still buffered are dropped.
     */
    @Override
    public void stop() {
        if (buffer == null) {
            return; // never started
        }
        running = false;
        buffer.close();
        source.close();
        metrics.unregister();
        log.info("Socket source task for {}:{} stopped: {}", config.host(), config.port(), metrics);
    }

    /** @return the task's counters (the same object that is registered over JMX) */
    public SocketSourceMetricsMBean metrics() {
        return metrics;
    }

    /** @return lines read from the socket so far (including lines still buffered) */
    public long linesRead() {
        return metrics.getLinesRead();
    }

    /** @return raw bytes read from the socket so far, terminators included */
    public long bytesRead() {
        return metrics.getBytesRead();
    }

    /** @return connection attempts made after the first one (after a failure or a closed connection) */
    public long reconnects() {
        return metrics.getReconnects();
    }

    /** @return successful connections so far */
    public long connections() {
        return metrics.getConnections();
    }

    /** @return lines cut to {@code line.max.bytes} so far */
    public long truncatedLines() {
        return metrics.getLinesTruncated();
    }

    /** @return whether the client-mode reader currently holds an open connection */
    public boolean isConnected() {
        return metrics.isConnected();
    }

    /** @return lines read but not yet returned by poll() */
    public int bufferedLines() {
        return metrics.getBufferedLines();
    }

    // ---------------------------------------------------------------- internals

    private void onFatal(Throwable t) {
        fatal = t;
        log.error("Socket reader thread for {}:{} died", config.host(), config.port(), t);
    }

    private SourceRecord toRecord(Received item) {
        lineNumber++;
        Peer peer = item.peer();
        ConnectHeaders headers = null;
        if (withHeaders) {
            headers = new ConnectHeaders();
            headers.addString(HEADER_REMOTE_HOST, peer.host());
            headers.addInt(HEADER_REMOTE_PORT, peer.port());
        }
        return new SourceRecord(sourcePartition, Map.of(OFFSET_LINE, lineNumber), topic, null,
            withKey ? Schema.STRING_SCHEMA : null, withKey ? peer.toString() : null,
            valueSchema, item.value(), item.timestampMs(), headers);
    }

    /** Continues the line count across restarts so offsets stay monotonic; 0 without a stored offset. */
    private long lastCommittedLineNumber() {
        if (context == null) {
            return 0; // started outside Connect, e.g. in a unit test
        }
        try {
            OffsetStorageReader offsets = context.offsetStorageReader();
            Map<String, Object> offset = offsets == null ? null : offsets.offset(sourcePartition);
            Object line = offset == null ? null : offset.get(OFFSET_LINE);
            return line instanceof Number n ? n.longValue() : 0;
        } catch (RuntimeException e) {
            log.warn("Cannot read the last offset for {}:{}; counting lines from 0", config.host(), config.port(), e);
            return 0;
        }
    }
}
