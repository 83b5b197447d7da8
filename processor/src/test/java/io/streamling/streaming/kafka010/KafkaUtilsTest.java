package io.streamling.streaming.kafka010;

import static io.streamling.testkit.PrintBlocks.block;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.testkit.DStreamTestDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's Kafka direct stream: the records of subscribed topics, decoded by the configured deserializers. */
class KafkaUtilsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    @Test
    void shouldDecodeEachRecordWithTheConfiguredDeserializersAndKeepItsCoordinates() {
        // given: string keys and integer values, the deserializers given as a class and a class name
        JavaStreamingContext ssc = new JavaStreamingContext("direct", Durations.seconds(1));
        JavaInputDStream<ConsumerRecord<String, Integer>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, Integer>Subscribe(List.of("events"),
                        Map.of("key.deserializer", StringDeserializer.class,
                                "value.deserializer", IntegerDeserializer.class.getName(),
                                "auto.offset.reset", "earliest", "bootstrap.servers", "localhost:9092")));
        stream.map(record -> record.key() + "=" + record.value() * 2 + " " + record.topic() + "/"
                + record.partition() + "@" + record.offset() + " t" + (record.timestamp() - T0)).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput("events").pipeInput(utf8("a"), integer(20), T0 + 10);
            test.rawInput("events").pipeInput(null, integer(3), T0 + 20);
            test.advanceWallClock(Duration.ofSeconds(3));

            // then
            assertThat(test.console()).startsWith(block(T0 + 1_000, "a=40 events/0@0 t10", "null=6 events/0@1 t20"));
        }
    }

    @Test
    void shouldReadEveryTopicSubscribedTo() {
        // given
        JavaStreamingContext ssc = new JavaStreamingContext("directTopics", Durations.seconds(1));
        KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferBrokers(),
                ConsumerStrategies.<String, String>Subscribe(List.of("left", "right"), Map.of(
                        "key.deserializer", new StringDeserializer(), "value.deserializer", StringDeserializer.class,
                        "auto.offset.reset", "earliest")))
                .map(record -> record.topic() + ":" + record.value()).print();
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            // when
            test.rawInput("left").pipeInput(null, utf8("x"), T0 + 10);
            test.rawInput("right").pipeInput(null, utf8("y"), T0 + 20);
            test.advanceWallClock(Duration.ofSeconds(3));

            // then
            assertThat(test.console()).startsWith(block(T0 + 1_000, "left:x", "right:y"));
        }
    }

    @Test
    void shouldNameAMissingOrUnusableDeserializerAndABadOffsetReset() {
        JavaStreamingContext ssc = new JavaStreamingContext("directBad", Durations.seconds(1));

        assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.Subscribe(List.of("events"), Map.of("key.deserializer", StringDeserializer.class))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value.deserializer");
        assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.Subscribe(List.of("events"), Map.of("key.deserializer", IntegerSerializer.class,
                        "value.deserializer", StringDeserializer.class))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key.deserializer").hasMessageContaining("IntegerSerializer");
        assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.Subscribe(List.of("events"), Map.of("key.deserializer", StringDeserializer.class,
                        "value.deserializer", StringDeserializer.class, "auto.offset.reset", "none"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto.offset.reset");
        assertThatThrownBy(() -> ConsumerStrategies.Subscribe(List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topics");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] integer(int value) {
        return new IntegerSerializer().serialize("events", value);
    }
}
