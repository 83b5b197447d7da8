package io.streamling.streaming.api.java;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows, counts and reductions per batch, with the outputs Spark gives for the same batches. */
class WindowOperationsTest {

    /** A multiple of every slide used here, so windows line up with the first batch as in Spark. */
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldCountByWindowAsTheSeedExamplePrints() {
        // given: the seed's queueStream([[1, 1, 5], [5, 5, 2, 4], [1, 2]]).countByWindow(2 batches)
        JavaStreamingContext ssc = new JavaStreamingContext("countByWindow", Durations.seconds(1));
        ssc.topicStream("numbers").countByWindow(Durations.seconds(2), Durations.seconds(1)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            pipeBatches(test.rawInput("numbers"), List.of("1", "1", "5"), List.of("5", "5", "2", "4"), List.of("1", "2"));
            test.advanceWallClock(Duration.ofSeconds(7));

            // then: [3], [7], [6], then [2], then [0] for ever
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "3") + block(T0 + 2_000, "7")
                    + block(T0 + 3_000, "6") + block(T0 + 4_000, "2") + block(T0 + 5_000, "0"));
        }
    }

    @Test
    void shouldCountByWindowNothingBeforeTheFirstElementAndZeroAfterItLeft() {
        // given: countByWindow over two batches, the first batch empty
        JavaStreamingContext ssc = new JavaStreamingContext("countByWindowEmptyStart", Durations.seconds(1));
        ssc.topicStream("numbers").countByWindow(Durations.seconds(2), Durations.seconds(1)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: one element, in the second batch
            pipeBatches(test.rawInput("numbers"), List.of(), List.of("7"));
            test.advanceWallClock(Duration.ofSeconds(6));

            // then: as Spark's map(1).reduceByWindow(+, -): an empty first batch, [1] twice, then [0]
            assertThat(test.console()).isEqualTo(block(T0 + 1_000) + block(T0 + 2_000, "1")
                    + block(T0 + 3_000, "1") + block(T0 + 4_000, "0"));
        }
    }

    @Test
    void shouldOutputASlideOfTwoBatchesEverySecondBatch() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("slide", Durations.seconds(1));
        ssc.topicStream("words").mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKeyAndWindow(Integer::sum, Durations.seconds(4), Durations.seconds(2)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batches 0..4
            pipeBatches(test.rawInput("words"), List.of("a", "b"), List.of("a"), List.of("b", "c"), List.of(),
                    List.of("a"));
            test.advanceWallClock(Duration.ofSeconds(10));

            // then: outputs at batch indices 1, 3, 5, 7 over the last four batches
            assertThat(test.console()).isEqualTo(
                    block(T0 + 2_000, "(a,2)", "(b,1)")
                            + block(T0 + 4_000, "(a,2)", "(b,2)", "(c,1)")
                            + block(T0 + 6_000, "(a,1)", "(b,1)", "(c,1)")
                            + block(T0 + 8_000, "(a,1)"));
        }
    }

    @Test
    void shouldCountZeroForAnEmptyBatchAndReduceToNothing() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("count", Durations.seconds(1));
        JavaDStream<Integer> numbers = ssc.topicStream("numbers").map(Integer::parseInt);
        numbers.count().print();
        numbers.reduce(Integer::sum).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batch 0 = 1 2 3, batch 1 empty, batch 2 = 10
            pipeBatches(test.rawInput("numbers"), List.of("1", "2", "3"), List.of(), List.of("10"));
            test.advanceWallClock(Duration.ofSeconds(5));

            // then: each output prints its batches in turn
            assertThat(test.console()).contains(block(T0 + 1_000, "3"), block(T0 + 2_000, "0"), block(T0 + 3_000, "1"));
            assertThat(test.console()).contains(block(T0 + 1_000, "6"), block(T0 + 2_000), block(T0 + 3_000, "10"));
        }
    }

    @Test
    void shouldCountByValueAndWindowDroppingValuesThatLeft() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("cbv", Durations.seconds(1));
        ssc.topicStream("words").countByValueAndWindow(Durations.seconds(2), Durations.seconds(1)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            pipeBatches(test.rawInput("words"), List.of("x", "y", "x"), List.of("y"));
            test.advanceWallClock(Duration.ofSeconds(6));

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "(x,2)", "(y,1)")
                    + block(T0 + 2_000, "(x,2)", "(y,2)") + block(T0 + 3_000, "(y,1)") + block(T0 + 4_000));
        }
    }

    @Test
    void shouldRejectAWindowThatIsNotAMultipleOfTheBatchIntervalWithSparksMessage() {
        JavaDStream<String> lines = new JavaStreamingContext("w", Durations.seconds(1)).topicStream("t");

        assertThatThrownBy(() -> lines.window(Durations.milliseconds(3_500), Durations.seconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The window duration of windowed DStream (3500 ms) must be a multiple of the slide "
                        + "duration of parent DStream (1000 ms)");
        assertThatThrownBy(() -> lines.countByWindow(Durations.seconds(4), Durations.milliseconds(1_500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The slide duration of windowed DStream (1500 ms) must be a multiple of the slide "
                        + "duration of parent DStream (1000 ms)");
    }

    @Test
    void shouldCheckAWindowOfAWindowedStreamAgainstItsSlide() {
        JavaDStream<String> windowed = new JavaStreamingContext("w", Durations.seconds(1)).topicStream("t")
                .window(Durations.seconds(4), Durations.seconds(2));

        assertThatThrownBy(() -> windowed.window(Durations.seconds(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The window duration of windowed DStream (3000 ms) must be a multiple of the slide "
                        + "duration of parent DStream (2000 ms)");
    }

    @SafeVarargs
    private static void pipeBatches(TestInputTopic<byte[], byte[]> topic, List<String>... batches) {
        for (int batch = 0; batch < batches.length; batch++) {
            for (String element : batches[batch]) {
                topic.pipeInput(null, element.getBytes(StandardCharsets.UTF_8), T0 + batch * 1_000L + 10);
            }
        }
    }
}
