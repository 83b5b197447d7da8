package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** textFileStream for real: files moved into a directory → file connector → topic → program. */
@ExtendWith(EmbeddedKafkaExtension.class)
class JsonFileStreamIT {

    @TempDir
    Path input;

    @TempDir
    Path output;

    @TempDir
    Path staging;

    @Test
    void shouldCountTheEventsOfFilesDroppedAfterStartButNotOfFilesAlreadyThere(EmbeddedKafkaBroker broker)
            throws Exception {
        // given: a file already in the directory, which textFileStream ignores as Spark does
        Files.writeString(input.resolve("old.json"), "{\"action\":\"old\"}\n");
        List<String> summaries = new CopyOnWriteArrayList<>();
        StreamingConf conf = new StreamingConf().setAppName("json-files").setBootstrapServers(broker.bootstrapServers())
                .set(StreamingConf.IDLE_TIMEOUT_MS, "1000");
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            JsonFileStream.define(ssc, input.toString(), output.resolve("events").toString(), summaries::add);
            ssc.start();

            // when: two files moved in whole
            moveIn("a.json", "{\"user\":\"ann\",\"action\":\"open\"}\n{\"user\":\"ann\",\"action\":\"close\"}\n");
            moveIn("b.json", "{\"user\":\"bob\",\"action\":\"open\"}\nnot json\n");

            // then: three events in all, none of the old file
            await().atMost(Duration.ofSeconds(60)).until(() -> savedEvents().size() == 3);
            assertThat(savedEvents()).containsExactlyInAnyOrder("{action=open, user=ann}", "{action=close, user=ann}",
                    "{action=open, user=bob}");
            assertThat(summaries).anyMatch(summary -> summary.contains("events {"));
            assertThat(summaries).noneMatch(summary -> summary.contains("old"));
        }
    }

    private void moveIn(String name, String content) throws Exception {
        Path file = Files.writeString(staging.resolve(name), content);
        Files.move(file, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> savedEvents() throws Exception {
        try (Stream<Path> batches = Files.list(output)) {
            return batches.filter(dir -> Files.exists(dir.resolve("_SUCCESS")))
                    .flatMap(dir -> {
                        try {
                            return Files.readAllLines(dir.resolve("part-00000")).stream();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }
}
