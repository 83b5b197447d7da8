package io.streamling.benchmarks;

import java.util.EnumMap;
import java.util.Map;

/**
 * The expected result of every workload on one input, computed once from the input itself (not
 * from any side's output), and a fresh {@link OutputCheck} per run.
 */
public final class Expectations {

    private final InputSpec input;
    private final Vocabulary vocabulary;
    private final Map<Workload, Object> expected = new EnumMap<>(Workload.class);

    /** Expectations of {@code input}; each workload's is computed when first needed. */
    public Expectations(InputSpec input) {
        this.input = input;
        this.vocabulary = input.vocabulary();
    }

    /** A check for one run of {@code workload} by {@code side}. */
    public synchronized OutputCheck check(Workload workload, Side side) {
        return switch (workload) {
            case COPY, STATELESS -> new RecordsCheck((RecordsCheck.Expected) expected.computeIfAbsent(workload,
                    w -> RecordsCheck.expect(w, input)));
            case BATCH_COUNT -> counts(workload, new CountsCheck.Windows(Workload.BATCH_MS, Workload.BATCH_MS), 0);
            case SLIDING_COUNT -> counts(workload, new CountsCheck.Windows(Workload.WINDOW_MS, Workload.SLIDE_MS),
                    slidingTimeShift(side));
            case RUNNING_COUNT -> counts(workload, CountsCheck.Windows.UNBOUNDED, 0);
            case STRUCTURED_SLIDING_COUNT -> {
                // the same counts as the DStream sliding count; Streamling names the window in the value
                OutputCheck check = counts(workload, new CountsCheck.Windows(Workload.WINDOW_MS, Workload.SLIDE_MS), 0);
                yield side == Side.KAFKA_STREAMS ? check : new WindowInValueCheck(check);
            }
            case EVENTS_PER_HOUR -> {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Long> counts = (java.util.Map<String, Long>) expected.computeIfAbsent(workload,
                        w -> java.util.Map.copyOf(EventsInput.expectedCounts(input)));
                yield new EventsCheck(counts);
            }
        };
    }

    private OutputCheck counts(Workload workload, CountsCheck.Windows windows, long timeShiftMs) {
        CountsCheck.Expected counts = (CountsCheck.Expected) expected.computeIfAbsent(workload,
                w -> CountsCheck.expect(input, vocabulary, windows));
        return new CountsCheck(input, vocabulary, windows, timeShiftMs, counts);
    }

    /**
     * Where each side stamps a sliding window's output: the baselines stamp the window's start
     * (Spark: {@code window.start});
     * Streamling, as Spark, names a window by its end and stamps the start of its last batch.
     */
    static long slidingTimeShift(Side side) {
        return side == Side.KAFKA_STREAMS || side == Side.SPARK ? 0 : Workload.WINDOW_MS - Workload.BATCH_MS;
    }
}
