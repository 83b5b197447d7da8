package io.streamling.internal.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts records that arrived for a batch that had already closed, per operator. Such records
 * are dropped; the count is the proof that nothing is lost silently. A summary is logged at most
 * once per period rather than one line per record.
 */
public final class LateRecords {

    private static final Logger LOG = LoggerFactory.getLogger(LateRecords.class);
    private static final long SUMMARY_PERIOD_MS = 10_000;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong lastSummaryAt = new AtomicLong();

    /** Counts one late record at {@code operator}. */
    public void record(String operator, long timestamp, long watermark) {
        long total = counts.computeIfAbsent(operator, name -> new AtomicLong()).incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastSummaryAt.get();
        if (now - last >= SUMMARY_PERIOD_MS && lastSummaryAt.compareAndSet(last, now)) {
            LOG.warn("Dropped late records: {} at {} so far (latest: timestamp {} behind watermark {})",
                    total, operator, timestamp, watermark);
        }
    }

    /** Late records dropped at {@code operator} since start. */
    public long count(String operator) {
        AtomicLong count = counts.get(operator);
        return count == null ? 0 : count.get();
    }

    /** Late records dropped at every operator since start. */
    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
