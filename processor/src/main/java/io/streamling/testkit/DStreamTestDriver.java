package io.streamling.testkit;

import io.streamling.internal.runtime.SourceProgressProcessor;
import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs a DStream program in {@link TopologyTestDriver}, with no broker: the test kit for users'
 * unit tests. Define the program's outputs on a context, then feed its sources elements with
 * timestamps and read what each batch printed or wrote:
 *
 * <pre>
 * JavaStreamingContext ssc = new JavaStreamingContext("wc", Durations.seconds(1));
 * JavaReceiverInputDStream&lt;String&gt; lines = ssc.topicStream("lines");
 * lines.flatMap(l -&gt; Arrays.asList(l.split(" ")).iterator())
 *      .mapToPair(w -&gt; new Tuple2&lt;&gt;(w, 1)).reduceByKey(Integer::sum).print();
 * try (DStreamTestDriver test = new DStreamTestDriver(ssc, tempDir, Instant.ofEpochMilli(t0))) {
 *     test.send(lines, t0 + 10, "a b a");      // batch [t0, t0 + 1 s)
 *     test.send(lines, t0 + 1_010, "b");       // the next batch: closes the first
 *     test.closeThrough(t0 + 2_000);           // input stops: batches up to t0 + 2 s close
 *     assertThat(test.console()).isEqualTo(PrintBlocks.block(t0 + 1_000, "(a,2)", "(b,1)")
 *             + PrintBlocks.block(t0 + 2_000, "(b,1)"));
 * }
 * </pre>
 *
 * <p>The wall clock starts at {@code start}; batches close when a later record arrives, or when
 * the wall clock passes the idle timeout ({@link #advanceWallClock(Duration)}, {@link #closeThrough(long)}).
 * The driver has one partition per topic, so it runs programs as on a one-partition source.
 * Needs {@code org.apache.kafka:kafka-streams-test-utils} on the test class path.
 */
public final class DStreamTestDriver implements AutoCloseable {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final TopologyTestDriver driver;
    private final long idleTimeoutMs;
    private long wallClock;

    /** Compiles the program of {@code ssc} (define its outputs first) and starts the driver. */
    public DStreamTestDriver(JavaStreamingContext ssc, Path stateDir, Instant start) {
        ssc.setConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ssc.topology(), props, start);
        idleTimeoutMs = ssc.getConf().idleTimeoutMs() + ssc.getConf().allowedLatenessMs();
        wallClock = start.toEpochMilli();
    }

    /** Sends text elements to a source stream, all stamped {@code timestamp}. */
    public void send(JavaInputDStream<String> source, long timestamp, String... elements) {
        TestInputTopic<byte[], byte[]> input = rawInput(source.topic());
        for (String element : elements) {
            input.pipeInput(null, element.getBytes(StandardCharsets.UTF_8), timestamp);
        }
    }

    /**
     * Advances the wall clock so that, input having stopped, every batch ending at or before
     * {@code time} closes (the wall clock then stands the idle timeout and allowed lateness past
     * {@code time}).
     */
    public void closeThrough(long time) {
        long target = time + idleTimeoutMs;
        if (target > wallClock) {
            advanceWallClock(Duration.ofMillis(target - wallClock));
        }
    }

    /** An input topic of raw value bytes. */
    public TestInputTopic<byte[], byte[]> rawInput(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Advances the wall clock. */
    public void advanceWallClock(Duration duration) {
        long millis = duration.toMillis();
        // a running program counts idle time tick by tick (a single jump would count as one tick),
        // so the first idle timeout passes in ticks; once the input is idle, the rest may jump
        long ticked = Math.min(millis, idleTimeoutMs + 2 * SourceProgressProcessor.PUNCTUATE_EVERY_MS);
        for (long left = ticked; left > 0; left -= SourceProgressProcessor.PUNCTUATE_EVERY_MS) {
            step(Math.min(left, SourceProgressProcessor.PUNCTUATE_EVERY_MS));
        }
        if (millis > ticked) {
            step(millis - ticked);
        }
    }

    private void step(long millis) {
        wallClock += millis;
        driver.advanceWallClockTime(Duration.ofMillis(millis));
    }

    /** Everything printed so far. */
    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** The underlying driver. */
    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
