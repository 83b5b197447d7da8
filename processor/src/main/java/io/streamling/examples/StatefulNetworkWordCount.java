package io.streamling.examples;

import io.streamling.api.Tuple2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaPairDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The seeds' stateful word count: a running count of every word ever seen, starting from an
 * initial state, printed after every batch. The PySpark original:
 *
 * <pre>
 * initialStateRDD = sc.parallelize([(u'hello', 1), (u'world', 1)])
 * def updateFunc(new_values, last_sum): return sum(new_values) + (last_sum or 0)
 * running_counts = lines.flatMap(lambda line: line.split(" ")) \
 *     .map(lambda word: (word, 1)).updateStateByKey(updateFunc, initialRDD=initialStateRDD)
 * running_counts.pprint()
 * </pre>
 */
public final class StatefulNetworkWordCount {

    private StatefulNetworkWordCount() {
    }

    /** Running word counts of {@code lines}, from {@code (hello,1)} and {@code (world,1)}, printed every batch. */
    public static JavaPairDStream<String, Integer> runningCounts(JavaDStream<String> lines) {
        JavaPairRDD<String, Integer> initialState = new JavaPairRDD<>(List.of(new Tuple2<>("hello", 1),
                new Tuple2<>("world", 1)));
        JavaPairDStream<String, Integer> runningCounts = lines
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1))
                .updateStateByKey((List<Integer> newValues, Optional<Integer> lastSum) ->
                        Optional.of(newValues.stream().mapToInt(Integer::intValue).sum() + lastSum.orElse(0)),
                        0, initialState);
        runningCounts.print();
        return runningCounts;
    }

    /**
     * Runs until stopped.
     *
     * @param args host and port of the line server
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("Usage: StatefulNetworkWordCount <hostname> <port>");
            System.exit(1);
        }
        StreamingConf conf = new StreamingConf().setAppName("StatefulNetworkWordCount");
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            runningCounts(ssc.socketTextStream(args[0], Integer.parseInt(args[1])));
            ssc.start();
            ssc.awaitTermination();
        }
    }
}
