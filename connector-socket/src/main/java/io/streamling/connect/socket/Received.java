package io.streamling.connect.socket;

/**
 * One item waiting in the {@link RecordBuffer} for {@code poll()}: a decoded line ({@code String}) or
 * frame ({@code byte[]}) with its size, ingestion time and origin, or a failure to raise in order.
 *
 * <p>Why failures travel through the buffer: with a {@code fail} policy the lines read before the bad
 * one must still reach Kafka, so the task fails exactly when {@code poll()} gets to that point.
 *
 * @param value       the line or frame; null for a failure
 * @param bytes       size in bytes as received (what the buffer's byte bound counts)
 * @param timestampMs wall-clock time the record was read
 * @param peer        where it came from
 * @param failure     non-null for a failure marker
 */
record Received(Object value, int bytes, long timestampMs, Peer peer, RuntimeException failure) {

    static Received record(Object value, int bytes, long timestampMs, Peer peer) {
        return new Received(value, bytes, timestampMs, peer, null);
    }

    static Received failure(RuntimeException failure) {
        return new Received(null, 0, 0, null, failure);
    }

    boolean isFailure() {
        return failure != null;
    }
}
