package io.streamling.examples;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaPairDStream;
import java.util.Arrays;

/**
 * The seeds' windowed word count: every 10 seconds, the word counts of the last 30 seconds,
 * computed incrementally. The PySpark original:
 *
 * <pre>
 * windowedWordCounts = pairs.reduceByKeyAndWindow(lambda x, y: x + y, lambda x, y: x - y, 30, 10)
 * </pre>
 */
public final class WindowedNetworkWordCount {

    private WindowedNetworkWordCount() {
    }

    /** Windowed word counts of {@code lines} (1-second batches), printed every 10 seconds. */
    public static JavaPairDStream<String, Integer> windowedWordCounts(JavaDStream<String> lines) {
        JavaPairDStream<String, Integer> pairs = lines
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1));
        JavaPairDStream<String, Integer> windowedWordCounts = pairs.reduceByKeyAndWindow(
                (x, y) -> x + y, (x, y) -> x - y, Durations.seconds(30), Durations.seconds(10));
        windowedWordCounts.print();
        return windowedWordCounts;
    }
}
