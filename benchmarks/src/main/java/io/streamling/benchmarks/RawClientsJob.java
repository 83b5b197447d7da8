package io.streamling.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The plain-clients baseline of the stateless workloads: one consumer poll loop feeding one
 * producer, keeping each input record's timestamp. No state, no delivery guarantee beyond the
 * producer's defaults: the floor of what moving the records costs.
 */
final class RawClientsJob implements Job {

    private static final Duration POLL = Duration.ofMillis(100);

    private final JobSpec spec;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread loop;

    RawClientsJob(JobSpec spec) {
        if (spec.workload() != Workload.COPY && spec.workload() != Workload.STATELESS) {
            throw new IllegalArgumentException("raw clients only run the stateless workloads, not " + spec.workload());
        }
        this.spec = spec;
        this.loop = new Thread(this::run, "raw-clients-loop");
    }

    private void run() {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, spec.appId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // as the platform notes' consumer figure: larger polls, fewer round trips
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers(),
                // Kafka Streams' own producer default, so both baselines batch alike
                ProducerConfig.LINGER_MS_CONFIG, 100);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                     new StringSerializer())) {
            consumer.subscribe(List.of(spec.inputTopic()));
            while (running.get()) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                for (ConsumerRecord<String, String> record : records) {
                    forward(producer, record);
                }
            }
        }
    }

    private void forward(KafkaProducer<String, String> producer, ConsumerRecord<String, String> record) {
        if (spec.workload() == Workload.COPY) {
            producer.send(new ProducerRecord<>(spec.outputTopic(), null, record.timestamp(), record.key(), record.value()));
            return;
        }
        for (String word : record.value().split(" ")) {
            String out = Workload.statelessWord(word);
            if (out != null) {
                producer.send(new ProducerRecord<>(spec.outputTopic(), null, record.timestamp(), null, out));
            }
        }
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public long lateRecords() {
        return 0;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            loop.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
