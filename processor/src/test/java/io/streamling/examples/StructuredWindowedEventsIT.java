package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windowed-events example for real: JSON files → file connector → topic → append-mode query
 * with a watermark → console. Each file moves the watermark, so a no-data micro-batch follows it
 * and writes the windows that became final.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StructuredWindowedEventsIT {

    @TempDir
    Path input;

    @TempDir
    Path staging;

    @Test
    void eachWindowIsWrittenOnceAfterTheWatermarkPassesItAndTheTooLateRowIsDropped(EmbeddedKafkaBroker broker)
            throws Exception {
        // given
        SparkSession spark = SparkSession.builder().appName("windowed-events-it")
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        spark.setConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            Dataset<Row> events = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json(input.toString());
            StreamingQuery query = StructuredWindowedEvents.sink(StructuredWindowedEvents.windowedCounts(events)).start();
            try {
                // when: each file only once the one before it ran, with its no-data micro-batch
                List<List<String>> files = StructuredWindowedEvents.GUIDE_EVENTS;
                for (int i = 0; i < files.size(); i++) {
                    Path file = Files.writeString(staging.resolve("events-" + i + ".json"),
                            String.join("\n", files.get(i)) + "\n");
                    Files.move(file, input.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    int batches = 2 * (i + 1);
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> batchCount(console) >= batches);
                }

                // then
                await().atMost(Duration.ofSeconds(60)).until(() -> text(console).contains(
                        "|{2026-01-01 12:05:00, 2026-01-01 12:15:00}|owl |2    |"));
                String out = text(console);
                assertThat(out).contains(String.join("\n",
                        "|{2026-01-01 12:00:00, 2026-01-01 12:10:00}|cat |1    |",
                        "|{2026-01-01 12:00:00, 2026-01-01 12:10:00}|dog |2    |",
                        "|{2026-01-01 12:00:00, 2026-01-01 12:10:00}|owl |1    |"));
                assertThat(out).contains(String.join("\n",
                        "|{2026-01-01 12:05:00, 2026-01-01 12:15:00}|cat |1    |",
                        "|{2026-01-01 12:05:00, 2026-01-01 12:15:00}|dog |3    |",
                        "|{2026-01-01 12:05:00, 2026-01-01 12:15:00}|owl |2    |"));
                assertThat(out).doesNotContain("donkey");
                assertThat(out.split("12:00:00, 2026-01-01 12:10:00\\}\\|dog", -1)).hasSize(2);
            } finally {
                query.stop();
            }
        } finally {
            spark.stop();
        }
    }

    private static String text(ByteArrayOutputStream console) {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static long batchCount(ByteArrayOutputStream console) {
        return text(console).lines().filter(line -> line.startsWith("Batch: ")).count();
    }
}
