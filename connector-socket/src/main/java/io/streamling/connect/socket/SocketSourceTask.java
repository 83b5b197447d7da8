package io.streamling.connect.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads newline-delimited text from a TCP server as a client and turns every line into one
 * {@link SourceRecord} with a String value.
 *
 * <h2>Threads</h2>
 * A dedicated reader thread owns the socket: it connects, frames and decodes lines (see
 * {@link LineReader}) and puts each line with its ingestion time into a bounded queue of
 * {@code buffer.max.lines}. When the queue is full the reader blocks, stops reading the socket and
 * TCP flow control pushes back on the server. {@link #poll()} drains the queue. If the server is not
 * there, or closes the connection, or the connection fails, the reader logs one line and reconnects
 * after an exponential backoff with jitter; it never fails the task for network reasons.
 *
 * <h2>Records</h2>
 * Topic from {@code topic}, Kafka partition left to the producer ({@code null}), no key, value schema
 * {@link Schema#STRING_SCHEMA}, value = the line, timestamp = wall-clock millis when the line's
 * terminator was read. Source partition {@code {"host": h, "port": p}}; source offset
 * {@code {"line": n}}, where n counts the lines this connector produced for that host and port
 * (continued from the last committed offset after a restart).
 *
 * <h2>Delivery</h2>
 * A TCP socket cannot be replayed, so the offset is informational: after a restart the task reads
 * whatever the server sends next. Lines still in the queue, or sent by the server while no task was
 * connected, are lost; the guarantee is at-most-once with respect to the peer.
 *
 * <h2>Decoding</h2>
 * Bytes invalid in {@code socket.charset} become U+FFFD; the rest of that line and every following
 * line are kept. A line longer than {@code line.max.bytes} is truncated and counted in
 * {@link #truncatedLines()}.
 */
public class SocketSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(SocketSourceTask.class);

    /** Longest a poll() waits for the first line; Connect wants poll() to return regularly. */
    static final long POLL_WAIT_MS = 200;
    /** TCP connect timeout; a black-holed address must not stall the reconnect loop for minutes. */
    static final int CONNECT_TIMEOUT_MS = 10_000;
    /** How long stop() waits for the reader thread to finish. */
    private static final long STOP_JOIN_MS = 2_000;
    /** After the first truncated line, log only every this many, so a flood does not flood the log. */
    private static final long TRUNCATION_LOG_EVERY = 1_000;

    /** Source-partition key for the host. */
    public static final String PARTITION_HOST = "host";
    /** Source-partition key for the port. */
    public static final String PARTITION_PORT = "port";
    /** Source-offset key: running count of lines produced for this host and port. */
    public static final String OFFSET_LINE = "line";

    /** One line and when it was read. */
    private record Line(String value, long ingestionTimeMs) {
    }

    /** Put by stop() so that a poll() waiting on an empty queue returns at once. */
    private static final Line STOP_MARKER = new Line(null, 0);

    private final AtomicLong linesRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong truncatedLines = new AtomicLong();

    private final Object socketLock = new Object();

    private SocketSourceConfig config;
    private BlockingQueue<Line> queue;
    private Map<String, Object> sourcePartition;
    private CountDownLatch stopSignal;
    private Thread reader;
    private volatile boolean running;
    private volatile boolean connected;
    private volatile Throwable readerFailure;
    private Socket socket; // guarded by socketLock
    private long lineNumber; // owned by the poll() thread
    private long pollWaitMs = POLL_WAIT_MS;

    /** Creates a task; Connect calls {@link #start(Map)} next. */
    public SocketSourceTask() {
    }

    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Validates the configuration and starts the reader thread; returns without waiting for a connection.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key if the configuration is invalid
     */
    @Override
    public void start(Map<String, String> props) {
        config = new SocketSourceConfig(props);
        queue = new ArrayBlockingQueue<>(config.bufferMaxLines());
        sourcePartition = Map.of(PARTITION_HOST, config.host(), PARTITION_PORT, config.port());
        lineNumber = lastCommittedLineNumber();
        stopSignal = new CountDownLatch(1);
        running = true;
        reader = new Thread(this::readLoop, "socket-source-reader-" + config.host() + ":" + config.port());
        reader.setDaemon(true); // never keep a JVM alive because a server is unreachable
        reader.start();
        log.info("Socket source task started for {}:{} -> topic {} (charset {}, buffer {} lines)",
            config.host(), config.port(), config.topic(), config.charset(), config.bufferMaxLines());
    }

    /**
     * Returns up to {@code poll.max.records} records, waiting at most ~{@value #POLL_WAIT_MS} ms for the
     * first one; {@code null} if none arrived or the task is stopping.
     *
     * @throws SocketConnectorException if the reader thread died of an unexpected error
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Throwable failure = readerFailure;
        if (failure != null) {
            throw new SocketConnectorException("Reader thread for " + endpoint() + " failed", failure);
        }
        if (!running) {
            return null;
        }
        Line first = queue.poll(pollWaitMs, TimeUnit.MILLISECONDS);
        if (first == null || first == STOP_MARKER) {
            return null;
        }
        List<Line> batch = new ArrayList<>(Math.min(config.pollMaxRecords(), queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, config.pollMaxRecords() - 1);
        List<SourceRecord> records = new ArrayList<>(batch.size());
        for (Line line : batch) {
            if (line != STOP_MARKER) {
                records.add(toRecord(line));
            }
        }
        return records.isEmpty() ? null : records;
    }

    /**
     * Stops the reader: closes the socket, wakes a blocked {@link #poll()} and the reader thread.
     * Safe to call from any thread and more than once. Lines still buffered are dropped.
     */
    @Override
    public void stop() {
        if (queue == null) {
            return; // never started
        }
        running = false;
        stopSignal.countDown();
        closeSocket();
        reader.interrupt(); // wakes a reader blocked on a full queue
        queue.offer(STOP_MARKER); // wakes a poll() blocked on an empty queue; if full, poll is not blocked
        try {
            reader.join(STOP_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Socket source task for {}:{} stopped after {} lines, {} bytes, {} connections, {} reconnect "
                + "attempts, {} truncated lines",
            config.host(), config.port(), linesRead(), bytesRead(), connections(), reconnects(), truncatedLines());
    }

    /** @return lines read from the socket so far (including lines still buffered) */
    public long linesRead() {
        return linesRead.get();
    }

    /** @return raw bytes read from the socket so far, terminators included */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** @return connection attempts made after the first one (after a failure or a closed connection) */
    public long reconnects() {
        return reconnects.get();
    }

    /** @return successful connections so far */
    public long connections() {
        return connections.get();
    }

    /** @return lines cut to {@code line.max.bytes} so far */
    public long truncatedLines() {
        return truncatedLines.get();
    }

    /** @return whether the reader currently holds an open connection */
    public boolean isConnected() {
        return connected;
    }

    /** @return lines read but not yet returned by poll() */
    public int bufferedLines() {
        return queue == null ? 0 : queue.size();
    }

    /**
     * For tests: a long wait makes "stop() wakes a blocked poll()" observable without timing races.
     */
    void pollWaitMs(long ms) {
        this.pollWaitMs = ms;
    }

    // ---------------------------------------------------------------- reader thread

    private void readLoop() {
        ReconnectBackoff backoff = new ReconnectBackoff(config.reconnectBackoffInitialMs(),
            config.reconnectBackoffMaxMs());
        boolean firstAttempt = true;
        try {
            while (running) {
                if (!firstAttempt) {
                    reconnects.incrementAndGet();
                }
                firstAttempt = false;
                String why;
                try {
                    Socket s = connect();
                    if (s == null) {
                        break; // stopped while connecting
                    }
                    long before = linesRead.get();
                    readLines(s);
                    long lines = linesRead.get() - before;
                    if (lines > 0) {
                        // a connection that delivered data counts as healthy: start the backoff over.
                        // One that is accepted and closed at once keeps backing off, so a flapping
                        // server is not hammered at the initial rate.
                        backoff.reset();
                    }
                    why = "server closed the connection after " + lines + " lines";
                } catch (IOException e) {
                    why = e.getClass().getSimpleName() + ": " + e.getMessage();
                } catch (InterruptedException e) {
                    break; // only stop() interrupts us
                } catch (RuntimeException e) {
                    // not expected; keep the task alive like for network errors, but show the stack trace
                    log.warn("Unexpected error reading from {}", endpoint(), e);
                    why = e.toString();
                } finally {
                    connected = false;
                    closeSocket();
                }
                if (!running) {
                    break;
                }
                long delayMs = backoff.nextDelayMs();
                log.warn("Socket source {}: {}; reconnecting in {} ms (reconnect attempt {})",
                    endpoint(), why, delayMs, reconnects.get() + 1);
                if (stopSignal.await(delayMs, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // stop() while backing off
        } catch (Throwable t) {
            // an Error (e.g. OutOfMemoryError): surface it through poll() instead of dying silently
            readerFailure = t;
            log.error("Reader thread for {} died", endpoint(), t);
        }
        log.debug("Reader thread for {} exits", endpoint());
    }

    /** @return the connected socket, or null if stop() was called first */
    private Socket connect() throws IOException {
        Socket s = new Socket();
        synchronized (socketLock) {
            if (!running) {
                return null;
            }
            socket = s; // published before connect() so that stop() can abort a pending connect
        }
        s.setKeepAlive(true);
        s.connect(new InetSocketAddress(config.host(), config.port()), CONNECT_TIMEOUT_MS);
        connections.incrementAndGet();
        connected = true;
        log.info("Socket source connected to {} (connection {})", endpoint(), connections.get());
        return s;
    }

    private void readLines(Socket s) throws IOException, InterruptedException {
        Charset charset = config.charset();
        LineReader lines = new LineReader(s.getInputStream(), config.lineMaxBytes(), charset, bytesRead::addAndGet);
        String line;
        while (running && (line = lines.readLine()) != null) {
            long ingestionTimeMs = System.currentTimeMillis();
            if (lines.lastLineTruncated()) {
                long n = truncatedLines.incrementAndGet();
                if (n == 1 || n % TRUNCATION_LOG_EVERY == 0) {
                    log.warn("Socket source {}: line longer than {} bytes truncated ({} truncated so far)",
                        endpoint(), config.lineMaxBytes(), n);
                }
            }
            linesRead.incrementAndGet();
            queue.put(new Line(line, ingestionTimeMs)); // blocks when full: TCP backpressure
        }
    }

    private void closeSocket() {
        synchronized (socketLock) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
                socket = null;
            }
        }
    }

    // ---------------------------------------------------------------- records and offsets

    private SourceRecord toRecord(Line line) {
        lineNumber++;
        return new SourceRecord(sourcePartition, Map.of(OFFSET_LINE, lineNumber), config.topic(), null,
            null, null, Schema.STRING_SCHEMA, line.value(), line.ingestionTimeMs());
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
            log.warn("Cannot read the last offset for {}; counting lines from 0", endpoint(), e);
            return 0;
        }
    }

    private String endpoint() {
        return config.host() + ":" + config.port();
    }
}
