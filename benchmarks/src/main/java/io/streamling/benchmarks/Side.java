package io.streamling.benchmarks;

/** Who runs a workload: Streamling, or one of the baselines a user would otherwise write. */
public enum Side {
    /** The Streamling DStream program. */
    STREAMLING("Streamling", false),
    /** The Streamling program written with the incremental (inverse-function) window. */
    STREAMLING_INCREMENTAL("Streamling, invFunc", false),
    /** A hand-written Kafka Streams topology. */
    KAFKA_STREAMS("Kafka Streams", true),
    /** A plain consumer/producer loop. */
    RAW_CLIENTS("raw clients", true),
    /** Apache Spark Structured Streaming in its own child JVM (optional: see {@link SparkSide}). */
    SPARK("Apache Spark 4.0.1 local[2]", true);

    private final String label;
    private final boolean baseline;

    Side(String label, boolean baseline) {
        this.label = label;
        this.baseline = baseline;
    }

    /** The name shown in the report. */
    public String label() {
        return label;
    }

    /** True for the sides Streamling is compared against. */
    public boolean isBaseline() {
        return baseline;
    }
}
