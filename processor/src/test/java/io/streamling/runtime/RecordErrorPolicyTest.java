package io.streamling.runtime;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.StreamlingException;
import io.streamling.internal.runtime.FailedElement;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user function that throws: fail, skip and count, or dead-letter, as configured. */
class RecordErrorPolicyTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldFailTheProgramNamingTheOperatorAndElementByDefault() {
        // given
        JavaStreamingContext ssc = program(new StreamingConf().setAppName("fail"));
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> numbers = test.rawInput("numbers");

            // then
            assertThatThrownBy(() -> numbers.pipeInput(null, bytes("x"), T0))
                    .hasRootCauseInstanceOf(NumberFormatException.class)
                    .rootCause().hasMessageContaining("\"x\"");
            assertThatThrownBy(() -> numbers.pipeInput(null, bytes("y"), T0))
                    .satisfies(error -> assertThat(findStreamling(error).getMessage())
                            .startsWith("User function of map-2 failed on element y"));
        }
    }

    @Test
    void shouldSkipAndCountAnElementWhoseFunctionThrows() {
        // given
        JavaStreamingContext ssc = program(new StreamingConf().setAppName("skip")
                .set(StreamingConf.RECORD_ERROR_POLICY, "skip"));
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> numbers = test.rawInput("numbers");

            // when
            numbers.pipeInput(null, bytes("1"), T0);
            numbers.pipeInput(null, bytes("oops"), T0 + 1);
            numbers.pipeInput(null, bytes("2"), T0 + 2);
            numbers.pipeInput(null, bytes("3"), T0 + 1_000);

            // then
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "1", "2"));
            assertThat(ssc.failedRecordCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldSendAnElementWhoseFunctionThrowsToTheDeadLetterTopicWithTheError() {
        // given
        JavaStreamingContext ssc = program(new StreamingConf().setAppName("dlq")
                .set(StreamingConf.RECORD_ERROR_POLICY, "dead-letter")
                .set(StreamingConf.DEAD_LETTER_TOPIC, "numbers-dlq"));
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            TestInputTopic<byte[], byte[]> numbers = test.rawInput("numbers");

            // when
            numbers.pipeInput(null, bytes("1"), T0);
            numbers.pipeInput(null, bytes("oops"), T0 + 7);
            numbers.pipeInput(null, bytes("3"), T0 + 1_000);

            // then
            var deadLetters = test.driver().createOutputTopic("numbers-dlq", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            assertThat(deadLetters).hasSize(1);
            TestRecord<byte[], byte[]> dead = deadLetters.get(0);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("oops");
            assertThat(dead.timestamp()).isEqualTo(T0 + 7);
            assertThat(header(dead, FailedElement.OPERATOR_HEADER)).isEqualTo("map-2");
            assertThat(header(dead, FailedElement.CLASS_HEADER)).isEqualTo("java.lang.NumberFormatException");
            assertThat(header(dead, FailedElement.MESSAGE_HEADER)).isEqualTo("For input string: \"oops\"");
            assertThat(test.console()).isEqualTo(block(T0 + 1_000, "1"));
            assertThat(ssc.failedRecordCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldRequireADeadLetterTopicForTheDeadLetterPolicy() {
        JavaStreamingContext ssc = program(new StreamingConf().setAppName("dlq")
                .set(StreamingConf.RECORD_ERROR_POLICY, "dead-letter"));

        assertThatThrownBy(ssc::topology).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamling.dead.letter.topic must be set when streamling.record.error.policy is dead-letter");
    }

    @Test
    void shouldRejectAnUnknownPolicyNamingTheKey() {
        JavaStreamingContext ssc = program(new StreamingConf().setAppName("bad")
                .set(StreamingConf.RECORD_ERROR_POLICY, "ignore"));

        assertThatThrownBy(ssc::topology).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamling.record.error.policy must be one of [fail, skip, dead-letter], got 'ignore'");
    }

    private static JavaStreamingContext program(StreamingConf conf) {
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream("numbers").map(Integer::parseInt).print();
        return ssc;
    }

    private static StreamlingException findStreamling(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamlingException streamling) {
                return streamling;
            }
        }
        throw new AssertionError("no StreamlingException in " + error);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
