package io.streamling.internal.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts records an operator did not process normally — late ones (their batch had closed) or
 * failed ones (a user function threw) — per operator: the proof that nothing is lost silently.
 * A summary is logged at most once per period rather than one line per record.
 */
public final class DropCounter {

    private static final Logger LOG = LoggerFactory.getLogger(DropCounter.class);
    private static final long SUMMARY_PERIOD_MS = 10_000;

    private final String what;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong lastSummaryAt = new AtomicLong();

    /** Counts of {@code what}, e.g. "late records", as the log summary names them. */
    public DropCounter(String what) {
        this.what = what;
    }

    /** Counts one late record at {@code operator}. */
    public void record(String operator, long timestamp, long watermark) {
        count(operator, "latest: timestamp " + timestamp + " behind watermark " + watermark);
    }

    /** Counts one record at {@code operator}; {@code latest} describes it in the periodic summary. */
    public void count(String operator, String latest) {
        long total = counts.computeIfAbsent(operator, name -> new AtomicLong()).incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastSummaryAt.get();
        if (now - last >= SUMMARY_PERIOD_MS && lastSummaryAt.compareAndSet(last, now)) {
            LOG.warn("{}: {} at {} so far ({})", what, total, operator, latest);
        }
    }

    /** Records counted at every operator since start. */
    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
