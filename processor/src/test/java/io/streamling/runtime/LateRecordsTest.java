package io.streamling.runtime;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.internal.runtime.LateRecord;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records behind the watermark: counted per operator, dropped or written to the late-data topic. */
class LateRecordsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldCountAndDropARecordWhoseBatchHasClosed() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("late", Durations.seconds(1));
        ssc.topicStream("lines").print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> lines = test.rawInput("lines");

            // when: batch 1 closes when "b" arrives; "late" belongs to it
            lines.pipeInput(null, bytes("a"), T0 + 100);
            lines.pipeInput(null, bytes("b"), T0 + 1_100);
            lines.pipeInput(null, bytes("late"), T0 + 900);
            lines.pipeInput(null, bytes("c"), T0 + 2_100);

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "a") + block(T0 + 2_000, "b"));
            assertThat(ssc.lateRecordCount()).isEqualTo(1);
            assertThat(lateMetric(test, "late-records-total")).isEqualTo(1.0);
        }
    }

    @Test
    void shouldWriteALateRecordUnchangedToTheLateTopicWithHeadersNamingOperatorAndWindow() {
        // given
        StreamingConf conf = new StreamingConf().setAppName("late").set(StreamingConf.LATE_TOPIC, "late-lines");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream("lines").print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> lines = test.rawInput("lines");

            // when
            lines.pipeInput(null, bytes("a"), T0 + 100);
            lines.pipeInput(null, bytes("b"), T0 + 1_100);
            lines.pipeInput(bytes("k"), new byte[] {'l', (byte) 0xFF}, T0 + 900);

            // then
            var late = test.driver().createOutputTopic("late-lines", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();
            assertThat(late).hasSize(1);
            TestRecord<byte[], byte[]> record = late.get(0);
            assertThat(record.key()).containsExactly('k');
            assertThat(record.value()).containsExactly('l', (byte) 0xFF);
            assertThat(record.timestamp()).isEqualTo(T0 + 900);
            assertThat(header(record, LateRecord.OPERATOR_HEADER)).isEqualTo("topicStream-1");
            assertThat(header(record, LateRecord.WINDOW_HEADER)).isEqualTo("[" + T0 + "," + (T0 + 1_000) + ")");
            assertThat(header(record, LateRecord.WATERMARK_HEADER)).isEqualTo(Long.toString(T0 + 1_000));
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "a"));
            assertThat(ssc.lateRecordCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldCountARecordWithinTheAllowedLatenessInItsBatch() {
        // given: records may be a second late
        StreamingConf conf = new StreamingConf().setAppName("lateness").set(StreamingConf.ALLOWED_LATENESS_MS, "1000");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream("lines").print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> lines = test.rawInput("lines");

            // when: "on time" is 0.6 s behind the progress, "too late" 1.2 s behind a later progress
            lines.pipeInput(null, bytes("a"), T0 + 100);
            lines.pipeInput(null, bytes("b"), T0 + 1_500);
            lines.pipeInput(null, bytes("on time"), T0 + 900);
            lines.pipeInput(null, bytes("c"), T0 + 2_100);
            lines.pipeInput(null, bytes("too late"), T0 + 900);

            // then: batch 1 closed only when the progress passed its end plus a second
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "a", "on time"));
            assertThat(ssc.lateRecordCount()).isEqualTo(1);
        }
    }

    private static double lateMetric(DStreamTestDriver test, String name) {
        return test.driver().metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name)
                        && "topicStream-1".equals(entry.getKey().tags().get("operator")))
                .map(entry -> (Double) ((Metric) entry.getValue()).metricValue())
                .findFirst().orElseThrow();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
