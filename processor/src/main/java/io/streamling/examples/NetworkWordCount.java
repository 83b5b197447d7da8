package io.streamling.examples;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaPairDStream;
import io.streamling.streaming.api.java.JavaReceiverInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.Arrays;

/**
 * Spark's NetworkWordCount: counts the words of each one-second batch of lines read from a TCP
 * server and prints them. The PySpark original:
 *
 * <pre>
 * lines = ssc.socketTextStream("localhost", 9999)
 * words = lines.flatMap(lambda line: line.split(" "))
 * pairs = words.map(lambda word: (word, 1))
 * wordCounts = pairs.reduceByKey(lambda x, y: x + y)
 * wordCounts.pprint()
 * </pre>
 *
 * <p>Run it with {@code ./streamling network-word-count}, which also starts a line server.
 * Standalone: {@code NetworkWordCount <host> <port>} against a server such as {@code nc -lk 9999}.
 */
public final class NetworkWordCount {

    private NetworkWordCount() {
    }

    /**
     * Counts the words of each batch of {@code lines} and prints them.
     *
     * @return the per-batch word counts, for further outputs
     */
    public static JavaPairDStream<String, Integer> wordCounts(JavaDStream<String> lines) {
        JavaDStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator());
        JavaPairDStream<String, Integer> pairs = words.mapToPair(word -> new Tuple2<>(word, 1));
        JavaPairDStream<String, Integer> wordCounts = pairs.reduceByKey((x, y) -> x + y);
        wordCounts.print();
        return wordCounts;
    }

    /**
     * Runs until stopped.
     *
     * @param args host and port of the line server
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("Usage: NetworkWordCount <hostname> <port>");
            System.exit(1);
        }
        StreamingConf conf = new StreamingConf().setAppName("NetworkWordCount");
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            JavaReceiverInputDStream<String> lines = ssc.socketTextStream(args[0], Integer.parseInt(args[1]));
            wordCounts(lines);
            ssc.start();
            ssc.awaitTermination();
        }
    }
}
