package io.streamling.connect.socket;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.streamling.connect.socket.LengthPrefixedReader.IncompleteFrameException;
import io.streamling.connect.socket.SocketSourceConfig.Framing;
import io.streamling.connect.socket.SocketSourceConfig.TooLongPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one connection until it ends: frames the bytes, applies the bad-input policies, counts, and
 * puts every surviving record into the {@link RecordBuffer} (blocking while it is full). Shared by
 * client and server mode; one call per connection, so it may run on many threads at once.
 */
final class ConnectionReader {

    private static final Logger log = LoggerFactory.getLogger(ConnectionReader.class);
    /** After the first drop of a kind, log only every this many, so a flood of bad input does not flood the log. */
    private static final long LOG_EVERY = 1_000;
    /** Most records handed to the buffer at once. */
    private static final int MAX_BATCH = 512;
    /** Most bytes of content held back in a batch (plus the line that passes it). */
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    private final SocketSourceConfig config;
    private final RecordBuffer buffer;
    private final SocketSourceMetrics metrics;

    ConnectionReader(SocketSourceConfig config, RecordBuffer buffer, SocketSourceMetrics metrics) {
        this.config = config;
        this.buffer = buffer;
        this.metrics = metrics;
    }

    /**
     * Reads records from {@code raw} until end of stream.
     *
     * @return how many records were read (before policies)
     * @throws IOException               network failure, idle timeout, or the socket closed by stop()
     * @throws InterruptedException      the task is stopping
     * @throws SocketConnectorException  a {@code fail} policy was hit
     */
    long read(InputStream raw, Peer peer) throws IOException, InterruptedException {
        InputStream in = new CountingInputStream(raw, metrics::bytesRead);
        boolean failFast = config.lineTooLongPolicy() == TooLongPolicy.FAIL;
        Sink sink;
        FrameReader frames;
        if (config.framing() == Framing.LINES) {
            frames = new LineReader(in, config.lineMaxBytes(), failFast, peer);
            LineDecoder decoder = new LineDecoder(config.charset(), config.decodeErrorPolicy(), metrics, peer);
            sink = new Sink(peer, (buf, off, len, tooLong) -> decoder.decode(buf, off, len, tooLong));
        } else {
            frames = new LengthPrefixedReader(in, config.lineMaxBytes(), failFast, peer);
            sink = new Sink(peer, (buf, off, len, tooLong) -> Arrays.copyOfRange(buf, off, off + len));
        }
        try {
            while (frames.next(sink)) {
                if (!frames.hasBufferedInput()) {
                    sink.flush(); // nothing more without waiting for the peer: hand the batch on now
                }
            }
        } catch (IncompleteFrameException e) {
            metrics.droppedIncomplete();
            log.warn("Socket source: {}; the partial frame is dropped", e.getMessage());
        } catch (IOException | SocketConnectorException e) {
            sink.flush(); // the lines before a broken connection or a fail policy are good: keep them, in order
            throw e;
        }
        sink.flush();
        return sink.count;
    }

    /** Turns frame bytes into a value (String or byte[]), or null when a policy dropped it. */
    @FunctionalInterface
    private interface ValueFactory {
        Object value(byte[] buf, int off, int len, boolean tooLong);
    }

    /**
     * Applies the policies to each frame and batches the survivors: they go to the buffer together when
     * the read chunk is used up or the batch is full, one lock acquisition per batch. A batch holds at
     * most {@value #MAX_BATCH} records and about {@value #MAX_BATCH_BYTES} bytes, so the memory bound
     * stays buffer + per connection (batch + read chunk + one line).
     */
    private final class Sink implements FrameReader.FrameSink {
        private final Peer peer;
        private final ValueFactory values;
        private final TooLongPolicy tooLongPolicy = config.lineTooLongPolicy();
        private final List<Received> batch = new ArrayList<>(MAX_BATCH);
        private int batchBytes;
        private long count;

        Sink(Peer peer, ValueFactory values) {
            this.peer = peer;
            this.values = values;
        }

        @Override
        public void frame(byte[] buf, int off, int len, boolean tooLong) throws InterruptedException {
            long timestamp = System.currentTimeMillis();
            count++;
            metrics.lineRead();
            if (tooLong) {
                if (tooLongPolicy == TooLongPolicy.SKIP) {
                    metrics.droppedTooLong();
                    logDrop(metrics.getLinesDroppedTooLong(), "dropped a line longer than " + config.lineMaxBytes()
                        + " bytes (" + SocketSourceConfig.LINE_TOO_LONG_POLICY + "=skip)");
                    return;
                }
                metrics.truncated();
                logDrop(metrics.getLinesTruncated(), "truncated a line longer than " + config.lineMaxBytes() + " bytes");
            }
            Object value = values.value(buf, off, len, tooLong);
            if (value == null) {
                logDrop(metrics.getLinesDroppedUndecodable(), "dropped a line that is not valid " + config.charset()
                    + " (" + SocketSourceConfig.DECODE_ERROR_POLICY + "=skip)");
                return;
            }
            batch.add(Received.record(value, len, timestamp, peer));
            batchBytes += len;
            if (batch.size() >= MAX_BATCH || batchBytes >= MAX_BATCH_BYTES) {
                flush();
            }
        }

        /** Hands the batched records to the buffer, blocking while it is full. */
        void flush() throws InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            boolean added = buffer.putAll(batch);
            batch.clear();
            batchBytes = 0;
            if (!added) {
                throw new InterruptedException("the task is stopping");
            }
        }

        private void logDrop(long soFar, String what) {
            if (soFar == 1 || soFar % LOG_EVERY == 0) {
                log.warn("Socket source {} from {} ({} so far)", what, peer, soFar);
            }
        }
    }
}
