package io.streamling.benchmarks;

import java.util.List;

/**
 * The end-to-end workloads, each with the sides that run it and the input partition counts it is
 * measured on. Every side of a workload reads the same pre-loaded topic and must write the same
 * result (see {@link OutputCheck}).
 */
public enum Workload {
    /** Every line to the output topic, unchanged. */
    COPY("copy", "topicStream → to", 3, List.of(1), List.of(Side.STREAMLING, Side.KAFKA_STREAMS, Side.RAW_CLIENTS)),
    /** Words longer than four letters, upper-cased. */
    STATELESS("stateless", "flatMap(split) → filter(length > 4) → map(upper)", 3, List.of(1),
            List.of(Side.STREAMLING, Side.KAFKA_STREAMS, Side.RAW_CLIENTS)),
    /** Word counts of each one-second batch. */
    BATCH_COUNT("per-batch word count", "flatMap → mapToPair → reduceByKey, 1 s batches", 1, List.of(1, 2),
            List.of(Side.STREAMLING, Side.KAFKA_STREAMS)),
    /** Word counts over 30 s, every 10 s. */
    SLIDING_COUNT("sliding word count", "reduceByKeyAndWindow(+, 30 s, 10 s)", 1, List.of(1, 2),
            List.of(Side.STREAMLING, Side.STREAMLING_INCREMENTAL, Side.KAFKA_STREAMS)),
    /** Running word counts since the start. */
    RUNNING_COUNT("running word count", "updateStateByKey(sum)", 1, List.of(1, 2),
            List.of(Side.STREAMLING, Side.KAFKA_STREAMS)),
    /** Open/close JSON events counted per action and event-time hour (Structured API, complete mode). */
    EVENTS_PER_HOUR("events per hour", "Structured: from_json → groupBy(action, window(time, 1 hour)).count(), complete",
            1, List.of(1, 2), List.of(Side.STREAMLING, Side.KAFKA_STREAMS)),
    /** The sliding word count written with the Structured API. */
    STRUCTURED_SLIDING_COUNT("structured sliding word count",
            "Structured: explode(split) → groupBy(window(timestamp, 30 s, 10 s), word).count(), update", 1,
            List.of(1, 2), List.of(Side.STREAMLING, Side.KAFKA_STREAMS));

    /** Batch interval of every Streamling program, and window size of the per-batch baseline. */
    public static final long BATCH_MS = 1_000;
    /** Window length of the sliding count. */
    public static final long WINDOW_MS = 30_000;
    /** Slide of the sliding count. */
    public static final long SLIDE_MS = 10_000;
    /** The stateless workload keeps words longer than this. */
    public static final int MIN_WORD_LENGTH = 5;

    private final String title;
    private final String program;
    private final int inputScale;
    private final List<Integer> partitions;
    private final List<Side> sides;

    Workload(String title, String program, int inputScale, List<Integer> partitions, List<Side> sides) {
        this.title = title;
        this.program = program;
        this.inputScale = inputScale;
        this.partitions = partitions;
        this.sides = sides;
    }

    /** The name shown in the report. */
    public String title() {
        return title;
    }

    /** What the Streamling program does, in DStream terms. */
    public String program() {
        return program;
    }

    /**
     * How many times the harness's line count this workload reads: the stateless workloads are
     * so fast that on the base input start-up would dominate their time.
     */
    public int inputScale() {
        return inputScale;
    }

    /** The input this workload reads, from the harness's base input. */
    public InputSpec input(InputSpec base) {
        return base.scaled(inputScale());
    }

    /** The input partition counts this workload is measured on. */
    public List<Integer> partitions() {
        return partitions;
    }

    /** Streamling first, then the baselines. */
    public List<Side> sides() {
        return sides;
    }

    /** True for the workloads that read the JSON events rather than lines of words. */
    public boolean readsEvents() {
        return this == EVENTS_PER_HOUR;
    }

    /** The stateless workload's transformation of one word, or null when the word is filtered out. */
    public static String statelessWord(String word) {
        return word.length() >= MIN_WORD_LENGTH ? word.toUpperCase(java.util.Locale.ROOT) : null;
    }
}
