package io.streamling.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.testing.KafkaTestClients;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor killed without a clean close (a child JVM, destroyed forcibly) while input keeps
 * arriving, then restarted with exactly_once_v2: every batch's counts appear exactly once in the
 * output topic (read committed), with no duplicate and no gap.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ExactlyOnceRestartIT {

    private static final long T0 = 1_650_000_000_000L;
    private static final int LINES = 20_000;
    private static final int BATCHES = 40;
    private static final List<String> WORDS = List.of("red", "green", "blue", "cyan", "magenta", "yellow", "black");

    @TempDir
    Path stateDir;

    @Test
    void shouldOutputEveryBatchExactlyOnceAcrossAKillAndRestart(EmbeddedKafkaBroker broker) throws Exception {
        // given
        broker.createTopic("eos-input", 2);
        List<ProducerRecord<String, String>> input = new ArrayList<>();
        Map<Long, Map<String, Integer>> expected = new TreeMap<>();
        Random random = new Random(7);
        for (int i = 0; i < LINES; i++) {
            long timestamp = T0 + (long) i * BATCHES * 1_000 / LINES;
            String line = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
            input.add(new ProducerRecord<>("eos-input", i % 2, timestamp, null, line));
            Map<String, Integer> batch = expected.computeIfAbsent(timestamp - timestamp % 1_000, start -> new TreeMap<>());
            Arrays.stream(line.split(" ")).forEach(word -> batch.merge(word, 1, Integer::sum));
        }
        int expectedRecords = expected.values().stream().mapToInt(Map::size).sum();

        // when: the input arrives over a few seconds while the processor runs, is killed and restarts
        Process first = startApp(broker);
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produceSlowly(broker, input));
        KafkaTestClients.readUntil(broker.bootstrapServers(), "eos-output", Duration.ofSeconds(60),
                records -> records.size() >= expectedRecords / 5);
        first.destroyForcibly().waitFor();
        Process second = startApp(broker);
        try {
            producing.get();
            List<ConsumerRecord<String, String>> output = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    "eos-output", Duration.ofSeconds(120), records -> records.size() >= expectedRecords);

            // then
            assertThat(output).hasSize(expectedRecords);
            Map<Long, Map<String, Integer>> actual = new TreeMap<>();
            for (ConsumerRecord<String, String> count : output) {
                Integer previous = actual.computeIfAbsent(count.timestamp(), start -> new TreeMap<>())
                        .put(count.key(), Integer.parseInt(count.value()));
                assertThat(previous).as("duplicate count %s", count).isNull();
            }
            assertThat(actual).isEqualTo(expected);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private Process startApp(EmbeddedKafkaBroker broker) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = stateDir.resolveSibling(stateDir.getFileName() + "-app.log").toFile();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WordCountApp.class.getName(), broker.bootstrapServers(), "eos-restart", stateDir.toString(),
                "eos-input", "eos-output")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log.toPath()).contains("STARTED"));
        return process;
    }

    private static void produceSlowly(EmbeddedKafkaBroker broker, List<ProducerRecord<String, String>> input) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
            for (int i = 0; i < input.size(); i++) {
                producer.send(input.get(i));
                if (i % 500 == 499) {
                    producer.flush();
                    // pacing the input so that the kill lands mid-stream; not a synchronization
                    LockSupport.parkNanos(100_000_000L);
                }
            }
        }
    }
}
