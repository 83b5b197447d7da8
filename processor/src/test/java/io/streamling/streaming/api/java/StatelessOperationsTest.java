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
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** map, filter, mapValues and print straight off a topic, batch by record time. */
class StatelessOperationsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldPrintTransformedElementsOfEachBatchInArrivalOrder() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("stateless", Durations.seconds(1));
        ssc.topicStream("lines").map(String::toUpperCase).filter(line -> !line.startsWith("#")).print(3);
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> lines = test.rawInput("lines");

            // when
            for (String line : List.of("b", "#comment", "a", "c", "d")) {
                lines.pipeInput(null, bytes(line), T0 + 10);
            }
            lines.pipeInput(null, bytes("z"), T0 + 1_010);
            test.advanceWallClock(Duration.ofSeconds(5));

            // then: the idle timeout (2 s) behind the wall clock closes batches up to T0 + 3 s; four kept, three printed, then "..."; the next batch has one
            assertThat(test.console()).isEqualTo(
                    block(T0 + 1_000, List.of("B", "A", "C", "D"), 3)
                            + block(T0 + 2_000, "Z")
                            + block(T0 + 3_000));
        }
    }

    @Test
    void shouldReplaceInvalidUtf8WithTheReplacementCharacterAndKeepTheNextLine() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("utf8", Durations.seconds(1));
        ssc.topicStream("lines").print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> lines = test.rawInput("lines");

            // when
            lines.pipeInput(null, new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFF}, T0);
            lines.pipeInput(null, bytes("next"), T0 + 1);
            lines.pipeInput(null, bytes("later"), T0 + 1_000);

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "a\uFFFD(\uFFFD", "next"));
        }
    }

    @Test
    void shouldMapValuesKeepingKeys() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("mapValues", Durations.seconds(1));
        ssc.topicStream("lines").mapToPair(line -> new Tuple2<>(line, line.length())).mapValues(n -> n * 10).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput("lines").pipeInput(null, bytes("abc"), T0);
            test.advanceWallClock(Duration.ofSeconds(3));

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "(abc,30)"));
        }
    }

    @Test
    void shouldReadBinaryRecordsAsByteArrays() {
        // given: a binaryRecordsStream (its file connector publishes fixed-length byte records)
        JavaStreamingContext ssc = new JavaStreamingContext("binary", Durations.seconds(1));
        JavaInputDStream<byte[]> records = ssc.binaryRecordsStream("/unused/in/this/test", 2);
        records.map(record -> record.length + ":" + (record[0] & 0xFF)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput(records.topic()).pipeInput(null, new byte[] {(byte) 0xFF, 1}, T0);
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "2:255"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
