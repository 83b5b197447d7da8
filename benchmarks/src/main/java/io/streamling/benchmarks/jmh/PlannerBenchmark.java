package io.streamling.benchmarks.jmh;

import io.streamling.examples.NetworkWordCount;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Defining NetworkWordCount with the DStream API and compiling it to a Kafka Streams
 * {@link Topology}: what {@code start()} pays before anything runs (the broker and Kafka Streams'
 * own start excluded).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlannerBenchmark {

    /** Defines the program and compiles it. */
    @Benchmark
    public Topology compileNetworkWordCount() {
        JavaStreamingContext ssc = new JavaStreamingContext(
                new StreamingConf().setAppName("NetworkWordCount").setBootstrapServers("localhost:9092"),
                Durations.seconds(1));
        NetworkWordCount.wordCounts(ssc.socketTextStream("localhost", 9999));
        return ssc.topology();
    }
}
