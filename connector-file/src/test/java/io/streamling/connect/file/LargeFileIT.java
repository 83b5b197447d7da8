package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;

/**
 * A 200 MiB file streams through the connector, worker and broker (all in this JVM, whose heap
 * Failsafe limits to 384 MiB) while the live heap (measured after full collections) stays flat:
 * the file is never buffered whole, and what is held is bounded by the poll and producer limits.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LargeFileIT {

    private static final Logger log = LoggerFactory.getLogger(LargeFileIT.class);
    private static final int LINE_BYTES = 1024;
    private static final int LINES = 200 * 1024; // 200 MiB
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void shouldStreamA200MibFileThroughWithFlatHeap(EmbeddedKafkaBroker broker) throws Exception {
        // given
        broker.createTopic("large", 1);
        Path file = writeLargeFile();
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        // Large producer batches: Connect allows one request in flight, so 16 KiB batches would cap the rate.
        // A small producer buffer: until Kafka acknowledges a record, Connect keeps it three times over (the
        // SourceRecord, the ProducerRecord and its serialized bytes), so its default 32 MiB buffer means ~100 MiB
        // of 1 KiB records in flight - the framework's memory, bounded but large, which would hide the connector's.
        try (EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(broker.bootstrapServers(),
                Map.of("producer.batch.size", String.valueOf(MIB), "producer.linger.ms", "5",
                        "producer.buffer.memory", String.valueOf(8 * MIB)));
             HeapAfterGc heap = new HeapAfterGc()) {
            long baseline = liveHeap(heap); // what the broker and worker hold before the file is read
            heap.reset();
            long started = System.nanoTime();

            // when
            worker.startConnector("large", Map.of("connector.class", FileSourceConnector.class.getName(),
                    FileSourceConfig.TOPIC_CONFIG, "large", FileSourceConfig.FILE_PATH_CONFIG, dir.toString(),
                    FileSourceConfig.FILE_EXISTING_CONFIG, "process", FileSourceConfig.LINE_MAX_BYTES_CONFIG, "2048"));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                System.gc(); // measures the live heap: see HeapAfterGc
                return endOffset(broker) == LINES;
            });
            double seconds = (System.nanoTime() - started) / 1e9;

            // then: every line there, the last one intact, and the live heap never grew by anything like the file
            long growth = heap.peakBytes() - baseline;
            log.info("{} MiB streamed in {} s ({} MiB/s); live heap (after System.gc()): baseline {} MiB, peak {} MiB,"
                            + " growth {} MiB over {} collections; max heap {} MiB", Files.size(file) / MIB,
                    String.format("%.1f", seconds), String.format("%.0f", Files.size(file) / MIB / seconds),
                    baseline / MIB, heap.peakBytes() / MIB, growth / MIB, heap.collections(), maxHeap / MIB);
            assertThat(lastValue(broker)).startsWith(String.format("%08d", LINES - 1)).hasSize(LINE_BYTES - 1);
            assertThat(heap.collections()).as("collections seen while streaming").isGreaterThan(1);
            assertThat(growth).as("live heap growth while streaming a %d MiB file", Files.size(file) / MIB)
                    .isLessThan(80 * MIB);
            worker.stopConnector("large");
        }
    }

    private static long liveHeap(HeapAfterGc heap) {
        long before = heap.collections();
        System.gc();
        await().atMost(Duration.ofSeconds(10)).until(() -> heap.collections() > before); // notifications are async
        return heap.peakBytes();
    }

    private Path writeLargeFile() throws IOException {
        Path temp = dir.resolve(".large.tmp");
        byte[] padding = "x".repeat(LINE_BYTES - 9).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
            for (int i = 0; i < LINES; i++) {
                out.write(String.format("%08d", i).getBytes(StandardCharsets.US_ASCII));
                out.write(padding);
                out.write('\n');
            }
        }
        return Files.move(temp, dir.resolve("large.txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long endOffset(EmbeddedKafkaBroker broker) {
        try (KafkaConsumer<String, String> consumer = consumer(broker)) {
            TopicPartition partition = new TopicPartition("large", 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static String lastValue(EmbeddedKafkaBroker broker) {
        try (KafkaConsumer<String, String> consumer = consumer(broker)) {
            TopicPartition partition = new TopicPartition("large", 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, LINES - 1);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0).value();
        }
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
