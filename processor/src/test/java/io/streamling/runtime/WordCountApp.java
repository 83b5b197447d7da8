package io.streamling.runtime;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.Arrays;

/**
 * A per-batch word count with exactly_once_v2 and a fixed state directory, run in a child JVM by
 * {@link ExactlyOnceRestartIT} so that it can be killed without a clean close.
 */
public final class WordCountApp {

    private WordCountApp() {
    }

    /**
     * Runs until killed.
     *
     * @param args bootstrap servers, application name, state directory, input topic, output topic
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        StreamingConf conf = new StreamingConf().setAppName(args[1]).setBootstrapServers(args[0])
                .set(StreamingConf.STATE_DIR, args[2])
                .set("processing.guarantee", "exactly_once_v2")
                // a killed instance leaves the group after this, so the restart takes over quickly
                .set("session.timeout.ms", "6000");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream(args[3])
                .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKey(Integer::sum)
                .to(args[4]);
        ssc.start();
        System.out.println("STARTED");
        ssc.awaitTermination();
    }
}
