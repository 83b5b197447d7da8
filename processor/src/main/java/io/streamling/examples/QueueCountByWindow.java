package io.streamling.examples;

import io.streamling.streaming.Duration;
import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * The seeds' first example (pysparkling): count the elements of a queue of batches in windows of
 * two batches. The original, with 0.1 s batches:
 *
 * <pre>
 * ssc.queueStream([[1, 1, 5], [5, 5, 2, 4], [1, 2]]) \
 *     .countByWindow(0.2).foreachRDD(lambda rdd: print(rdd.collect()))
 * </pre>
 *
 * <p>prints {@code [3]}, {@code [7]}, {@code [6]}, then {@code [2]}, then {@code [0]} for ever.
 */
public final class QueueCountByWindow {

    /** The seed's batch interval. */
    public static final Duration BATCH = Durations.milliseconds(100);

    private QueueCountByWindow() {
    }

    /** Adds the example to {@code ssc} (whose batch interval is {@link #BATCH}); each batch's result goes to {@code out}. */
    public static void define(JavaStreamingContext ssc, Consumer<String> out) {
        Queue<List<Integer>> queue = new LinkedList<>(List.of(List.of(1, 1, 5), List.of(5, 5, 2, 4), List.of(1, 2)));
        ssc.queueStream(queue)
                .countByWindow(Durations.milliseconds(2 * BATCH.milliseconds()), BATCH)
                .foreachRDD(rdd -> out.accept(rdd.collect().toString()));
    }
}
