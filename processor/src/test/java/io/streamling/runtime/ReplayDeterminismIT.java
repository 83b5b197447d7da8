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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One input — 100,000 lines over 70 one-second batches — counted per batch, processed live and
 * pre-loaded in 1, 2 and 4 partitions: every run must give exactly the per-batch counts computed
 * from the input, and drop nothing as late. Kafka Streams' own stream time, a maximum, drops
 * records of the slower partitions in the pre-loaded multi-partition case; the watermark, a
 * minimum carried through the shuffle, must not.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayDeterminismIT {

    private static final long T0 = 1_600_000_000_000L;
    private static final int LINES = 100_000;
    private static final long SPAN_MS = 70_000;
    private static final List<String> VOCABULARY = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta",
            "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau");

    private static List<Tuple2<Long, String>> input;
    private static Map<Long, Map<String, Integer>> expected;

    private final EmbeddedKafkaBroker broker;

    ReplayDeterminismIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeAll
    static void generateInput() {
        Random random = new Random(42);
        input = new ArrayList<>(LINES);
        expected = new TreeMap<>();
        for (int i = 0; i < LINES; i++) {
            long timestamp = T0 + i * SPAN_MS / LINES;
            String line = String.join(" ", VOCABULARY.get(skewed(random)), VOCABULARY.get(skewed(random)),
                    VOCABULARY.get(skewed(random)));
            input.add(new Tuple2<>(timestamp, line));
            Map<String, Integer> batch = expected.computeIfAbsent(timestamp - timestamp % 1_000, start -> new TreeMap<>());
            Arrays.stream(line.split(" ")).forEach(word -> batch.merge(word, 1, Integer::sum));
        }
    }

    @ParameterizedTest(name = "pre-loaded in {0} partition(s)")
    @ValueSource(ints = {1, 2, 4})
    void shouldCountEveryBatchExactlyWhenThePartitionsArePreLoaded(int partitions) throws Exception {
        String topic = "preloaded-" + partitions;
        broker.createTopic(topic, partitions);
        produce(topic, partitions);

        assertExactCountsPerBatch(topic);
        if (partitions > 1) {
            // the shuffle's topic, created before Kafka Streams started, as Kafka Streams would have
            // made it: one partition per task, and no time retention that would delete replayed records
            String shuffle = "replay-" + topic + "-reduceByKey-4-repartition";
            assertThat(broker.partitionCount(shuffle)).isEqualTo(partitions);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, shuffle)))
                        .all().get().values().iterator().next();
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
            }
        }
    }

    @Test
    void shouldCountEveryBatchExactlyWhenTheInputArrivesWhileRunning() throws Exception {
        String topic = "live";
        broker.createTopic(topic, 1);

        assertExactCountsPerBatch(topic, () -> CompletableFuture.runAsync(() -> produce(topic, 1)));
    }

    private void assertExactCountsPerBatch(String topic) throws Exception {
        assertExactCountsPerBatch(topic, () -> CompletableFuture.completedFuture(null));
    }

    private void assertExactCountsPerBatch(String topic, java.util.function.Supplier<CompletableFuture<Void>> whileRunning)
            throws Exception {
        String output = topic + "-counts";
        StreamingConf conf = new StreamingConf().setAppName("replay-" + topic)
                .setBootstrapServers(broker.bootstrapServers());
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            ssc.topicStream(topic)
                    .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                    .mapToPair(word -> new Tuple2<>(word, 1))
                    .reduceByKey(Integer::sum)
                    .to(output);
            ssc.start();
            whileRunning.get().get();

            int expectedRecords = expected.values().stream().mapToInt(Map::size).sum();
            List<ConsumerRecord<String, String>> counts = KafkaTestClients.readUntil(broker.bootstrapServers(), output,
                    Duration.ofMinutes(5), records -> records.size() >= expectedRecords);

            assertThat(perBatch(counts)).isEqualTo(expected);
            assertThat(ssc.lateRecordCount()).isZero();
        }
    }

    private void produce(String topic, int partitions) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                Tuple2<Long, String> line = input.get(i);
                sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, line._1(), null, line._2())));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce the input to " + topic, e);
        }
    }

    private static Map<Long, Map<String, Integer>> perBatch(List<ConsumerRecord<String, String>> counts) {
        Map<Long, Map<String, Integer>> batches = new TreeMap<>();
        for (ConsumerRecord<String, String> count : counts) {
            Integer previous = batches.computeIfAbsent(count.timestamp(), start -> new TreeMap<>())
                    .put(count.key(), Integer.parseInt(count.value()));
            assertThat(previous).as("one count per word and batch: %s", count).isNull();
        }
        return batches;
    }

    /** Index into the vocabulary, skewed towards the first words as natural text is. */
    private static int skewed(Random random) {
        return (int) Math.min(VOCABULARY.size() - 1, Math.abs(random.nextGaussian()) * VOCABULARY.size() / 3);
    }
}
