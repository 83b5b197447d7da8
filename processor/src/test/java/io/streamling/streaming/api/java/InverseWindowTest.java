package io.streamling.streaming.api.java;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental reduceByKeyAndWindow: Spark keeps every key it has seen, at zero once it leaves. */
class InverseWindowTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepAKeyAtZeroAfterItsValuesLeaveTheWindow() {
        // given: a window of two batches sliding every batch
        JavaStreamingContext ssc = new JavaStreamingContext("inverse", Durations.seconds(1));
        ssc.topicStream("words").mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(2), Durations.seconds(1))
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batch 0 "a a b", batch 1 "b", then nothing
            TestInputTopic<byte[], byte[]> words = test.rawInput("words");
            for (String word : new String[] {"a", "a", "b"}) {
                words.pipeInput(null, bytes(word), T0 + 1);
            }
            words.pipeInput(null, bytes("b"), T0 + 1_001);
            test.advanceWallClock(Duration.ofSeconds(6));

            // then
            assertThat(test.console()).isEqualTo(
                    block(T0 + 1_000, "(a,2)", "(b,1)")
                            + block(T0 + 2_000, "(a,2)", "(b,2)")
                            + block(T0 + 3_000, "(a,0)", "(b,1)")
                            + block(T0 + 4_000, "(a,0)", "(b,0)"));
        }
    }

    @Test
    void shouldDropPairsTheFilterRejects() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("filtered", Durations.seconds(1));
        ssc.topicStream("words").mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(2), Durations.seconds(1), 0,
                        pair -> pair._2() > 0)
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            TestInputTopic<byte[], byte[]> words = test.rawInput("words");
            words.pipeInput(null, bytes("a"), T0 + 1);
            words.pipeInput(null, bytes("b"), T0 + 1_001);
            test.advanceWallClock(Duration.ofSeconds(6));

            // then: "a" leaves once its count is back to zero, and does not come back
            assertThat(test.console()).isEqualTo(
                    block(T0 + 1_000, "(a,1)")
                            + block(T0 + 2_000, "(a,1)", "(b,1)")
                            + block(T0 + 3_000, "(b,1)")
                            + block(T0 + 4_000));
        }
    }

    @Test
    void shouldSlideEveryTwoBatchesOverFourBatches() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("slide2", Durations.seconds(1));
        ssc.topicStream("words").mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(4), Durations.seconds(2))
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: one "x" in each of batches 0..4
            TestInputTopic<byte[], byte[]> words = test.rawInput("words");
            for (int batch = 0; batch < 5; batch++) {
                words.pipeInput(null, bytes("x"), T0 + batch * 1_000L + 1);
            }
            test.advanceWallClock(Duration.ofSeconds(12));

            // then: windows ending at 2, 4, 6, 8, 10 s hold 2, 4, 3, 1, 0 of them
            assertThat(test.console()).isEqualTo(
                    block(T0 + 2_000, "(x,2)") + block(T0 + 4_000, "(x,4)") + block(T0 + 6_000, "(x,3)")
                            + block(T0 + 8_000, "(x,1)") + block(T0 + 10_000, "(x,0)"));
        }
    }

    @Test
    void shouldReduceByWindowIncrementallyDownToItsZero() {
        // given: sums over two batches
        JavaStreamingContext ssc = new JavaStreamingContext("reduceByWindow", Durations.seconds(1));
        ssc.topicStream("numbers").map(Integer::parseInt)
                .reduceByWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(2), Durations.seconds(1)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batch 0 = 1 + 2, batch 1 = 4
            TestInputTopic<byte[], byte[]> numbers = test.rawInput("numbers");
            numbers.pipeInput(null, bytes("1"), T0 + 1);
            numbers.pipeInput(null, bytes("2"), T0 + 2);
            numbers.pipeInput(null, bytes("4"), T0 + 1_001);
            test.advanceWallClock(Duration.ofSeconds(6));

            // then: 3, 7, 4, then 0 (the key stays, as in Spark)
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "3") + block(T0 + 2_000, "7")
                    + block(T0 + 3_000, "4") + block(T0 + 4_000, "0"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
