package io.streamling.streaming.api.java;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.streaming.Durations;
import io.streamling.streaming.State;
import io.streamling.streaming.StateSpec;
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

/** mapWithState: one output per value, in order; snapshots after every batch; a last call on timeout. */
class MapWithStateTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldEmitOneRunningSumPerValueAndTheWholeStateAfterEveryBatch() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("mws", Durations.seconds(1));
        JavaMapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> sums = pairs(ssc)
                .mapWithState(StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> {
                    int sum = value.orElse(0) + state.getOption().orElse(0);
                    state.update(sum);
                    return new Tuple2<>(key, sum);
                }).initialState(new JavaPairRDD<>(List.of(new Tuple2<>("c", 100)))));
        sums.print();
        sums.stateSnapshots().print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: batch 0 a=1 b=2 a=3, batch 1 b=1
            TestInputTopic<byte[], byte[]> input = test.rawInput("pairs");
            for (String pair : List.of("a=1", "b=2", "a=3")) {
                input.pipeInput(null, bytes(pair), T0 + 1);
            }
            input.pipeInput(null, bytes("b=1"), T0 + 1_001);
            test.advanceWallClock(Duration.ofSeconds(4));

            // then
            assertThat(test.console()).contains(block(T0 + 1_000, "(a,1)", "(a,4)", "(b,2)"));
            assertThat(test.console()).contains(block(T0 + 2_000, "(b,3)"));
            assertThat(test.console()).contains(block(T0 + 1_000, "(a,4)", "(b,2)", "(c,100)"));
            assertThat(test.console()).contains(block(T0 + 2_000, "(a,4)", "(b,3)", "(c,100)"));
        }
    }

    @Test
    void shouldCallTheFunctionOnceMoreWhenAKeyTimesOutAtSparksNextFullStateScanThenForgetIt() {
        // given: a two-second idle timeout
        JavaStreamingContext ssc = new JavaStreamingContext("timeout", Durations.seconds(1));
        JavaMapWithStateDStream<String, Integer, Integer, String> events = pairs(ssc)
                .mapWithState(StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> {
                    if (state.isTimingOut()) {
                        return key + " timed out at " + state.get();
                    }
                    state.update(value.orElseThrow() + state.getOption().orElse(0));
                    return key + "=" + state.get();
                }).timeout(Durations.seconds(2)));
        events.print();
        events.stateSnapshots().print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when: "a" only in batch 0, "b" in batches 0 to 3
            TestInputTopic<byte[], byte[]> input = test.rawInput("pairs");
            input.pipeInput(null, bytes("a=5"), T0 + 1);
            for (int batch = 0; batch < 4; batch++) {
                input.pipeInput(null, bytes("b=1"), T0 + batch * 1_000L + 2);
            }
            test.advanceWallClock(Duration.ofSeconds(12));

            // then: idle for longer than 2 s from the batch of 2 s ("a") and of 5 s ("b"), both are timed
            // out at Spark's first full state scan, the tenth batch (10 s), as Spark 4.0.1 does
            assertThat(test.console()).contains(block(T0 + 4_000, "b=4"));
            assertThat(test.console()).contains(block(T0 + 9_000, "(a,5)", "(b,4)"));
            assertThat(test.console()).contains(block(T0 + 10_000, "a timed out at 5", "b timed out at 4"));
            assertThat(test.console()).contains(block(T0 + 10_000)); // the snapshot: no state left
        }
    }

    private static JavaPairDStream<String, Integer> pairs(JavaStreamingContext ssc) {
        return ssc.topicStream("pairs").mapToPair(text -> {
            String[] parts = text.split("=");
            return new Tuple2<>(parts[0], Integer.parseInt(parts[1]));
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
