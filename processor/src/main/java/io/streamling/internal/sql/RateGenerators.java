package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.internal.plan.GeneratedFeed.Generator;
import io.streamling.internal.plan.GeneratedFeed.TimedElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of Spark's {@code rate} and {@code rate-micro-batch} sources, computed exactly as Spark
 * computes them, as {@code (timestamp millis, value)} elements. Within a step, rows come partition
 * by partition (value {@code start + p}, {@code start + p + numPartitions}, …), the order Spark's
 * partitions give them in a batch.
 */
public final class RateGenerators {

    private RateGenerators() {
    }

    /**
     * The generator of a query's rate source, if it reads one (the test kit feeds it as its clock
     * advances; the runtime through its feed).
     */
    public static java.util.Optional<Generator> forQuery(WriteSpec spec) {
        SourceSpec source = spec.plan().firstSource();
        if (!source.format().equals("rate") && !source.format().equals("rate-micro-batch")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(of(source, spec.triggerMs() > 0 ? spec.triggerMs() : 1_000));
    }

    /** The generator of a rate source. */
    static Generator of(SourceSpec spec, long triggerMs) {
        int partitions = SourceOptions.numPartitions(spec);
        if (spec.format().equals("rate")) {
            return new PerSecond(SourceOptions.positive(spec, "rowsPerSecond", 1), SourceOptions.rampUpSeconds(spec),
                    partitions);
        }
        return new PerBatch(SourceOptions.positive(spec, "rowsPerBatch", 0), partitions,
                SourceOptions.nonNegative(spec, "startTimestamp", 0),
                SourceOptions.nonNegative(spec, "advanceMillisPerBatch", 1000), triggerMs);
    }

    /**
     * {@code rate}: second {@code n} after the origin holds the values from
     * {@code valueAtSecond(n)} to {@code valueAtSecond(n + 1)}, their timestamps spread evenly over
     * the second; each row's record timestamp is its {@code timestamp} column.
     */
    record PerSecond(long rowsPerSecond, long rampUpSeconds, int numPartitions) implements Generator {

        @Override
        public long stepMs() {
            return 1000;
        }

        @Override
        public List<TimedElement> step(long n, long origin) {
            long start = valueAtSecond(n, rowsPerSecond, rampUpSeconds);
            long end = valueAtSecond(n + 1, rowsPerSecond, rampUpSeconds);
            double msPerValue = 1000.0 / (end - start);
            long secondStart = origin + n * 1000;
            List<TimedElement> out = new ArrayList<>();
            for (int p = 0; p < numPartitions; p++) {
                for (long v = start + p; v < end; v += numPartitions) {
                    long ts = secondStart + Math.round((v - start) * msPerValue);
                    out.add(new TimedElement(ts, new Tuple2<>(ts, v)));
                }
            }
            return out;
        }
    }

    /** Spark's {@code RateStreamProvider.valueAtSecond}: the end value at {@code seconds}, with the ramp-up. */
    static long valueAtSecond(long seconds, long rowsPerSecond, long rampUpTimeSeconds) {
        long speedDeltaPerSecond = rowsPerSecond / (rampUpTimeSeconds + 1);
        if (seconds <= rampUpTimeSeconds) {
            return seconds % 2 == 1 ? (seconds + 1) / 2 * speedDeltaPerSecond * seconds
                    : seconds / 2 * speedDeltaPerSecond * (seconds + 1);
        }
        long rampUpPart = valueAtSecond(rampUpTimeSeconds, rowsPerSecond, rampUpTimeSeconds);
        return rampUpPart + (seconds - rampUpTimeSeconds) * rowsPerSecond;
    }

    /**
     * {@code rate-micro-batch}: batch {@code n} holds values {@code n * rowsPerBatch} up to
     * {@code (n + 1) * rowsPerBatch - 1}, all with timestamp {@code startTimestamp + n * advanceMillisPerBatch};
     * its records are stamped into the {@code n}-th trigger interval from the origin.
     */
    record PerBatch(long rowsPerBatch, int numPartitions, long startTimestamp, long advanceMillisPerBatch,
                    long triggerMs) implements Generator {

        @Override
        public long stepMs() {
            return triggerMs;
        }

        @Override
        public List<TimedElement> step(long n, long origin) {
            long start = n * rowsPerBatch;
            long end = start + rowsPerBatch;
            long timestamp = startTimestamp + n * advanceMillisPerBatch;
            long recordTime = origin + n * triggerMs;
            List<TimedElement> out = new ArrayList<>();
            for (int p = 0; p < numPartitions; p++) {
                for (long v = start + p; v < end; v += numPartitions) {
                    out.add(new TimedElement(recordTime, new Tuple2<>(timestamp, v)));
                }
            }
            return out;
        }
    }
}
