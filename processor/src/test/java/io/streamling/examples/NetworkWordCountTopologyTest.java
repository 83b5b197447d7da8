package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static io.streamling.testkit.PrintBlocks.block;

import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaReceiverInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NetworkWordCount's compiled topology in TopologyTestDriver: exact per-batch counts, Spark's format. */
class NetworkWordCountTopologyTest {

    /** Batch boundaries are multiples of the 1 s interval; this one starts a batch. */
    private static final long T0 = 1_700_000_000_000L;
    private static final String OUTPUT = "word-counts";

    @TempDir
    Path stateDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], String> lines;
    private TestOutputTopic<String, String> counts;

    @BeforeEach
    void compileNetworkWordCount() {
        JavaStreamingContext ssc = new JavaStreamingContext("NetworkWordCount", Durations.seconds(1));
        ssc.setConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
        JavaReceiverInputDStream<String> socketLines = ssc.socketTextStream("localhost", 9999);
        NetworkWordCount.wordCounts(socketLines).to(OUTPUT);

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "NetworkWordCount");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ssc.topology(), props, Instant.ofEpochMilli(T0));
        lines = driver.createInputTopic(socketLines.topic(), new ByteArraySerializer(), new StringSerializer());
        counts = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /**
     * Lets wall-clock time pass in the runtime's 100 ms ticks: it measures idle input tick by tick,
     * so that a stalled stream thread is not taken for silent input (DStreamTestDriver does this).
     */
    private void passWallClock(long millis) {
        for (long passed = 0; passed < millis; passed += 100) {
            driver.advanceWallClockTime(Duration.ofMillis(100));
        }
    }

    @Test
    void shouldPrintExactCountsOfEveryBatchIncludingAnEmptyOne() {
        // given: batch 1 has "a b a" and "b c", batch 2 nothing, batch 3 "a d", batch 4 "e"
        lines.pipeInput(null, "a b a", T0 + 100);
        lines.pipeInput(null, "b c", T0 + 900);
        lines.pipeInput(null, "a d", T0 + 2_200);
        lines.pipeInput(null, "e", T0 + 3_050);

        // when: input stops and the wall clock passes the idle timeout (2 s) beyond batch 5's end
        passWallClock(7_000);

        // then
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(
                block(T0 + 1_000, "(a,2)", "(b,2)", "(c,1)")
                        + block(T0 + 2_000)
                        + block(T0 + 3_000, "(a,1)", "(d,1)")
                        + block(T0 + 4_000, "(e,1)")
                        + block(T0 + 5_000));
    }

    @Test
    void shouldWriteEachBatchCountsToTheOutputTopicStampedWithTheBatchStart() {
        // given
        lines.pipeInput(null, "to be or not to be", T0 + 10);
        lines.pipeInput(null, "be", T0 + 1_500);

        // when
        passWallClock(5_000);

        // then
        assertThat(counts.readRecordsToList()).extracting(TestRecord::key, TestRecord::value, TestRecord::timestamp)
                .containsExactly(
                        tuple("be", "2", T0),
                        tuple("not", "1", T0),
                        tuple("or", "1", T0),
                        tuple("to", "2", T0),
                        tuple("be", "1", T0 + 1_000));
    }

    @Test
    void shouldNotCloseABatchWhileItsDataMayStillArrive() {
        // given: a record in batch 1, and the wall clock still within the idle timeout
        lines.pipeInput(null, "early", T0 + 100);

        // when
        passWallClock(1_500);

        // then
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();

        // and when a record of the next batch arrives, batch 1 closes at once
        lines.pipeInput(null, "late", T0 + 1_200);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(block(T0 + 1_000, "(early,1)"));
    }

    @Test
    void shouldPrintTenElementsThenAnEllipsis() {
        // given: twelve distinct words in one batch
        lines.pipeInput(null, "a b c d e f g h i j k l", T0);

        // when
        lines.pipeInput(null, "next", T0 + 1_000);

        // then
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(
                "-------------------------------------------\n"
                        + "Time: " + (T0 + 1_000) + " ms\n"
                        + "-------------------------------------------\n"
                        + "(a,1)\n(b,1)\n(c,1)\n(d,1)\n(e,1)\n(f,1)\n(g,1)\n(h,1)\n(i,1)\n(j,1)\n"
                        + "...\n\n");
    }
}
