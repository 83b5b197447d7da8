package io.streamling.testing;

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
 * Runs a DStream program's compiled topology in {@link TopologyTestDriver}, capturing what
 * {@code print()} writes. The wall clock starts at {@code start}; batches close when a later
 * record arrives or when {@link #advanceWallClock(Duration)} passes the idle timeout.
 */
public final class DStreamTestDriver implements AutoCloseable {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final TopologyTestDriver driver;

    /** Compiles the program of {@code ssc} (define its outputs first) and starts the driver. */
    public DStreamTestDriver(JavaStreamingContext ssc, Path stateDir, Instant start) {
        ssc.setConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ssc.topology(), props, start);
    }

    /** An input topic of raw value bytes. */
    public TestInputTopic<byte[], byte[]> rawInput(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Advances the wall clock. */
    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
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
