package io.streamling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.testing.KafkaTestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** When input stops, the last batch still closes: within the idle timeout plus 2 s of its end. */
@ExtendWith(EmbeddedKafkaExtension.class)
class IdleCloseIT {

    private static final long IDLE_TIMEOUT_MS = 1_500;
    private static final long BATCH_MS = 1_000;

    @Test
    void shouldEmitTheLastBatchWithinTheIdleTimeoutAfterInputStops(EmbeddedKafkaBroker broker) throws Exception {
        // given: a running per-batch count, on a topic with one partition that stays empty
        broker.createTopic("idle-input", 2);
        StreamingConf conf = new StreamingConf().setAppName("idle-close").setBootstrapServers(broker.bootstrapServers())
                .set(StreamingConf.IDLE_TIMEOUT_MS, Long.toString(IDLE_TIMEOUT_MS));
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            ssc.topicStream("idle-input").mapToPair(word -> new Tuple2<>(word, 1)).reduceByKey(Integer::sum)
                    .to("idle-output");
            ssc.start();

            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
                // and running: a first batch has gone all the way through
                producer.send(new ProducerRecord<>("idle-input", 0, System.currentTimeMillis(), null, "warm-up")).get();
                KafkaTestClients.readUntil(broker.bootstrapServers(), "idle-output", Duration.ofSeconds(30),
                        records -> !records.isEmpty());
            }

            // when: a few records stamped with the wall clock, then nothing
            long lastTimestamp;
            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
                for (String word : List.of("x", "y", "x")) {
                    producer.send(new ProducerRecord<>("idle-input", 0, System.currentTimeMillis(), null, word)).get();
                }
                lastTimestamp = System.currentTimeMillis();
                producer.send(new ProducerRecord<>("idle-input", 0, lastTimestamp, null, "last")).get();
            }
            long lastBatch = lastTimestamp - lastTimestamp % BATCH_MS;
            long lastBatchEnd = lastBatch + BATCH_MS;

            // then
            AtomicLong seenAt = new AtomicLong();
            List<ConsumerRecord<String, String>> output = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    "idle-output", Duration.ofSeconds(30), records -> {
                        // every count, not only the last batch's: the tasks of the reduce step commit independently
                        boolean done = records.stream().anyMatch(r -> r.timestamp() == lastBatch && r.key().equals("last"))
                                && sumOfCounts(records) == 5;
                        seenAt.set(System.currentTimeMillis());
                        return done;
                    });
            // the idle timeout, then at most one commit interval (1 s) of each task, and a second of slack
            assertThat(seenAt.get()).isLessThanOrEqualTo(lastBatchEnd + IDLE_TIMEOUT_MS + 2_000);
            assertThat(sumOfCounts(output)).isEqualTo(5);
            assertThat(ssc.lateRecordCount()).isZero();
        }
    }

    private static int sumOfCounts(List<ConsumerRecord<String, String>> records) {
        return records.stream().mapToInt(r -> Integer.parseInt(r.value())).sum();
    }
}
