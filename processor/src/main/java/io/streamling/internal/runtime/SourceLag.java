package io.streamling.internal.runtime;

/**
 * Tells whether the application has fetched everything a source partition holds. A partition
 * counts as idle only when it is caught up: a partition whose backlog has not been fetched yet
 * (a slow start, a rebalance, a busy thread) must keep holding the watermark, or its backlog would
 * arrive late.
 */
@FunctionalInterface
public interface SourceLag {

    /** For a runtime that cannot see lags (TopologyTestDriver): every partition counts as caught up. */
    SourceLag UNKNOWN = (topic, partition) -> true;

    /** Whether the consumer has fetched up to the end of {@code topic}-{@code partition}. */
    boolean caughtUp(String topic, int partition);
}
