package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.connect.socket.tools.LineServer;
import io.streamling.streaming.Durations;
import io.streamling.testkit.PrintBlocks;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaReceiverInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The whole NetworkWordCount path against a real broker: line server → socket connector → topic →
 * processor → output topic and console. Batches follow the ingestion timestamps the connector
 * gives each line, so the expected counts of every batch are computed from the input topic as
 * written, then compared exactly with the output topic and the printed batches.
 */
final class NetworkWordCountScenario {

    static final List<String> TEXT = List.of(
            "the quick brown fox",
            "jumps over the lazy dog",
            "the dog sleeps",
            "a fox is quick",
            "the end");
    private static final long BATCH_MS = 1_000;

    private NetworkWordCountScenario() {
    }

    static void run(String bootstrapServers) throws Exception {
        String app = "nwc-" + UUID.randomUUID().toString().substring(0, 8);
        String output = app + "-counts";
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StreamingConf conf = new StreamingConf().setAppName(app).setBootstrapServers(bootstrapServers)
                .set(StreamingConf.IDLE_TIMEOUT_MS, "1000");
        try (LineServer server = LineServer.serve(TEXT, 0, Duration.ofMillis(300));
             JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            ssc.setConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
            JavaReceiverInputDStream<String> lines = ssc.socketTextStream("127.0.0.1", server.port());
            NetworkWordCount.wordCounts(lines).to(output);

            ssc.start();

            List<ConsumerRecord<String, String>> input = awaitRecords(bootstrapServers, lines.topic(), TEXT.size());
            Map<Long, Map<String, Integer>> expected = countPerBatch(input);
            int totalWords = TEXT.stream().mapToInt(line -> line.split(" ").length).sum();
            List<ConsumerRecord<String, String>> counts = awaitRecords(bootstrapServers, output,
                    expected.values().stream().mapToInt(Map::size).sum());
            assertThat(outputPerBatch(counts)).isEqualTo(expected);
            assertThat(expected.values().stream().flatMap(batch -> batch.values().stream()).mapToInt(Integer::intValue).sum())
                    .isEqualTo(totalWords);

            long lastBatch = expected.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            String printedThroughLastBatch = expectedConsole(expected, lastBatch);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> console.toString(StandardCharsets.UTF_8).length() >= printedThroughLastBatch.length());
            assertThat(console.toString(StandardCharsets.UTF_8)).startsWith(printedThroughLastBatch);
            assertThat(ssc.lateRecordCount()).isZero();
        }
    }

    /** Per batch start, the word counts of the lines whose timestamps fall in it. */
    private static Map<Long, Map<String, Integer>> countPerBatch(List<ConsumerRecord<String, String>> lines) {
        Map<Long, Map<String, Integer>> batches = new TreeMap<>();
        for (ConsumerRecord<String, String> line : lines) {
            Map<String, Integer> batch = batches.computeIfAbsent(batchStart(line.timestamp()), start -> new TreeMap<>());
            Arrays.stream(line.value().split(" ")).forEach(word -> batch.merge(word, 1, Integer::sum));
        }
        return batches;
    }

    private static Map<Long, Map<String, Integer>> outputPerBatch(List<ConsumerRecord<String, String>> counts) {
        Map<Long, Map<String, Integer>> batches = new TreeMap<>();
        for (ConsumerRecord<String, String> count : counts) {
            Integer previous = batches.computeIfAbsent(count.timestamp(), start -> new TreeMap<>())
                    .put(count.key(), Integer.parseInt(count.value()));
            assertThat(previous).as("one count per word and batch: %s", count).isNull();
        }
        return batches;
    }

    /** Spark's print blocks from the first batch through {@code lastBatch}, empty batches included. */
    private static String expectedConsole(Map<Long, Map<String, Integer>> expected, long lastBatch) {
        StringBuilder text = new StringBuilder();
        long first = expected.keySet().iterator().next();
        for (long batch = first; batch <= lastBatch; batch += BATCH_MS) {
            List<String> elements = new ArrayList<>();
            expected.getOrDefault(batch, Map.of()).forEach((word, count) -> elements.add("(" + word + "," + count + ")"));
            text.append(PrintBlocks.block(batch + BATCH_MS, elements, 10));
        }
        return text.toString();
    }

    private static long batchStart(long timestamp) {
        return timestamp - Math.floorMod(timestamp, BATCH_MS);
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertThat(records).hasSize(count);
        return records;
    }
}
