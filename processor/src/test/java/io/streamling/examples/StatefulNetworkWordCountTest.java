package io.streamling.examples;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaReceiverInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** updateStateByKey: the whole state after every batch, from an initial state, keys removable. */
class StatefulNetworkWordCountTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldPrintTheRunningCountsOfEveryWordAfterEveryBatch() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("stateful", Durations.seconds(1));
        JavaReceiverInputDStream<String> lines = ssc.topicStream("lines");
        StatefulNetworkWordCount.runningCounts(lines);
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batch 0 "hello a", batch 1 "a b", batch 2 nothing
            test.send(lines, T0 + 1, "hello a");
            test.send(lines, T0 + 1_001, "a b");
            test.closeThrough(T0 + 3_000);

            // then: keys with no new values are output too
            assertThat(test.console()).isEqualTo(
                    block(T0 + 1_000, "(a,1)", "(hello,2)", "(world,1)")
                            + block(T0 + 2_000, "(a,2)", "(b,1)", "(hello,2)", "(world,1)")
                            + block(T0 + 3_000, "(a,2)", "(b,1)", "(hello,2)", "(world,1)"));
        }
    }

    @Test
    void shouldRemoveAKeyWhenTheUpdateReturnsEmpty() {
        // given: a word is forgotten once it has been seen three times
        JavaStreamingContext ssc = new JavaStreamingContext("forget", Durations.seconds(1));
        ssc.topicStream("words").mapToPair(word -> new Tuple2<>(word, 1))
                .updateStateByKey((List<Integer> values, Optional<Integer> state) -> {
                    int total = state.orElse(0) + values.size();
                    return total >= 3 ? Optional.empty() : Optional.of(total);
                })
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            TestInputTopic<byte[], byte[]> words = test.rawInput("words");
            words.pipeInput(null, bytes("x"), T0 + 1);
            words.pipeInput(null, bytes("x"), T0 + 2);
            words.pipeInput(null, bytes("y"), T0 + 3);
            words.pipeInput(null, bytes("x"), T0 + 1_001);
            test.advanceWallClock(Duration.ofSeconds(4));

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "(x,2)", "(y,1)") + block(T0 + 2_000, "(y,1)"));
        }
    }

    @Test
    void shouldRunOnlyTheLastEmptyBatchesAfterALongGap() {
        // given: at most two empty batches in a row after a gap
        StreamingConf conf = new StreamingConf().setAppName("gap").set(StreamingConf.MAX_EMPTY_BATCHES, "2");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        JavaReceiverInputDStream<String> words = ssc.topicStream("words");
        words.mapToPair(word -> new Tuple2<>(word, 1))
                .updateStateByKey((List<Integer> values, Optional<Integer> state) ->
                        Optional.of(state.orElse(0) + values.size()))
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: one word, then the watermark jumps ten batches ahead
            test.send(words, T0 + 1, "x");
            test.closeThrough(T0 + 10_000);

            // then: the batch with data, then only the last two of the nine empty ones
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "(x,1)") + block(T0 + 9_000, "(x,1)")
                    + block(T0 + 10_000, "(x,1)"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
