package io.streamling.streaming.api.java;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.api.java.JavaRDD;
import io.streamling.streaming.Durations;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Context-level operations: transform over several streams, checkpoint, getOrCreate, remember. */
class ContextOperationsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldTransformTheBatchesOfSeveralStreamsTogether() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("transform", Durations.seconds(1));
        List<JavaDStream<?>> streams = List.of(ssc.topicStream("a"), ssc.topicStream("b").map(String::length));
        ssc.transform(streams, (rdds, time) -> new JavaRDD<>(List.of(rdds.get(0).count() + ":" + rdds.get(1).collect())))
                .print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput("a").pipeInput(null, bytes("x"), T0 + 1);
            test.rawInput("a").pipeInput(null, bytes("y"), T0 + 2);
            test.rawInput("b").pipeInput(null, bytes("hello"), T0 + 3);
            test.advanceWallClock(Duration.ofSeconds(3));

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "2:[5]"));
        }
    }

    @Test
    void shouldMakeTheProgramWithTheFactoryAndKeepItsStateInTheCheckpointDirectory() throws Exception {
        // when
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(stateDir.toString(),
                () -> new JavaStreamingContext("recover", Durations.seconds(1)));

        // then
        assertThat(ssc.getState()).isEqualTo(StreamingContextState.INITIALIZED);
        assertThat(JavaStreamingContext.getActive()).isEmpty();
        ssc.remember(Durations.minutes(1));
        assertThatThrownBy(() -> ssc.remember(Durations.seconds(0))).isInstanceOf(IllegalArgumentException.class);
        ssc.stop();
        assertThatThrownBy(() -> ssc.checkpoint("elsewhere")).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
