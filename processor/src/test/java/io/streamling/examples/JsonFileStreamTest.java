package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines → filter → per-batch summary and saved batches, under TopologyTestDriver. */
class JsonFileStreamTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @TempDir
    Path output;

    @Test
    void shouldSummariseAndSaveTheEventsOfEachBatchSkippingWhatIsNotAnEvent() throws Exception {
        // given
        List<String> summaries = new ArrayList<>();
        JavaStreamingContext ssc = new JavaStreamingContext("json", Durations.seconds(1));
        JavaInputDStream<String> lines = ssc.textFileStream("/unused/in/this/test");
        JsonFileStream.define(lines, output.resolve("events").toString(), summaries::add);
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> input = test.rawInput(lines.topic());

            // when: batch 0 has two events, a line without action and a broken line; batch 1 is empty
            for (String line : List.of("{\"user\":\"ann\",\"action\":\"open\"}", "{\"user\":\"bob\"}", "not json",
                    "{\"user\":\"bob\",\"action\":\"close\"}")) {
                input.pipeInput(null, line.getBytes(StandardCharsets.UTF_8), T0 + 10);
            }
            test.advanceWallClock(Duration.ofSeconds(4));

            // then
            assertThat(summaries).containsExactly(
                    "Batch " + (T0 + 1_000) + " ms: 2 events {close=1, open=1}",
                    "Batch " + (T0 + 2_000) + " ms: 0 events {}");
            assertThat(Files.readAllLines(output.resolve("events-" + (T0 + 1_000) + ".json").resolve("part-00000")))
                    .containsExactly("{action=open, user=ann}", "{action=close, user=bob}");
        }
    }
}
