package io.streamling.connect.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaException;
import io.streamling.embedded.EmbeddedKafkaExtension;

/** The connector in a real Connect worker, writing to a real broker. */
@ExtendWith(EmbeddedKafkaExtension.class)
class FileSourceIT {

    private static EmbeddedConnectWorker worker;
    private static String bootstrap;

    @TempDir
    Path dir;

    @TempDir
    Path errorDir;

    @BeforeAll
    static void startWorker(EmbeddedKafkaBroker broker) {
        bootstrap = broker.bootstrapServers();
        worker = EmbeddedConnectWorker.start(bootstrap, Map.of("offset.flush.interval.ms", "200"));
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void shouldPublishEveryLineOfAThousandFilesDroppedWhileRunningExactlyOnceInFileOrder(EmbeddedKafkaBroker broker)
            throws Exception {
        // given: a running connector; records keyed by path, so each file's lines share a partition
        broker.createTopic("thousand", 3);
        worker.startConnector("thousand", connector("thousand", Map.of(
                FileSourceConfig.RECORD_KEY_CONFIG, "path", FileSourceConfig.POLL_INTERVAL_MS_CONFIG, "50")));

        // when: 1,000 files with 1 to 20 lines appear, each moved in atomically
        int expected = 0;
        for (int f = 0; f < 1000; f++) {
            int lines = 1 + f % 20;
            StringBuilder content = new StringBuilder();
            for (int l = 1; l <= lines; l++) {
                content.append(String.format("f%04d-l%02d%n", f, l));
            }
            drop(String.format("file-%04d.txt", f), content.toString());
            expected += lines;
        }
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(bootstrap, "thousand", expected);

        // then: every line once, and within each file in order
        assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates().hasSize(expected);
        Map<String, List<String>> byFile = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                LinkedHashMap::new, Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        assertThat(byFile).hasSize(1000);
        byFile.forEach((path, lines) -> {
            assertThat(lines).isSorted();
            assertThat(lines).hasSize(1 + Integer.parseInt(lines.get(0).substring(1, 5)) % 20);
        });
        worker.stopConnector("thousand");
    }

    @Test
    void shouldReadAReusedNameAsANewFileAndNotRereadAnUnchangedFileAfterARestart(EmbeddedKafkaBroker broker)
            throws Exception {
        // given: two files read, the connector stopped (offsets committed) and started again
        broker.createTopic("reuse", 1);
        drop("report.txt", "report v1\n");
        drop("unchanged.txt", "unchanged\n");
        Map<String, String> config = connector("reuse", Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));
        worker.startConnector("reuse", config);
        try (TopicReader reader = new TopicReader(bootstrap, "reuse", false)) {
            reader.readExactly(2, Duration.ofSeconds(30));
            worker.stopConnector("reuse");
            worker.startConnector("reuse", config);

            // when: a different file is moved in under a used name
            reader.readExactly(2, Duration.ofSeconds(30)); // nothing re-read after the restart
            drop("report.txt", "report v2\n");

            // then
            reader.readExactly(3, Duration.ofSeconds(30));
            assertThat(reader.values()).containsExactlyInAnyOrder("report v1", "unchanged", "report v2");
        }
        worker.stopConnector("reuse");
    }

    @Test
    void shouldReadAGzipFileAndAFileWrittenInPlaceOnlyOnceOldEnough(EmbeddedKafkaBroker broker) throws Exception {
        // given
        broker.createTopic("gz-and-age", 1);
        worker.startConnector("gz-and-age", connector("gz-and-age",
                Map.of(FileSourceConfig.FILE_MIN_AGE_MS_CONFIG, "30000")));
        try (TopicReader reader = new TopicReader(bootstrap, "gz-and-age", false)) {
            // when: a gzip file older than the minimum age, and a file being written in place
            drop("old.txt.gz", TaskFixture.gzip("zipped 1\nzipped 2\n"), System.currentTimeMillis() - 60_000);
            Path growing = dir.resolve("growing.txt");
            Files.writeString(growing, "first half");

            // then: the gzip file is read, the growing one not
            reader.readExactly(2, Duration.ofSeconds(30));
            assertThat(reader.values()).containsExactly("zipped 1", "zipped 2");

            // when: the writer finishes and the file reaches the minimum age
            Files.writeString(growing, "first half, second half\n");
            Files.setLastModifiedTime(growing, FileTime.fromMillis(System.currentTimeMillis() - 31_000));

            // then: read once, complete
            reader.readExactly(3, Duration.ofSeconds(30));
            assertThat(reader.values()).endsWith("first half, second half");
        }
        worker.stopConnector("gz-and-age");
    }

    @Test
    void shouldRefuseToStartOnAMissingDirectoryNamingTheKey() {
        // when / then
        assertThatThrownBy(() -> worker.startConnector("missing", connector("missing",
                Map.of(FileSourceConfig.FILE_PATH_CONFIG, dir.resolve("nope").toString()))))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("file.path")
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldSendBadRecordsAndUnreadableFilesToTheErrorTopicAndEverythingElseToTheTopic(EmbeddedKafkaBroker broker)
            throws Exception {
        // given
        broker.createTopic("bad-json", 1);
        broker.createTopic("bad-json-errors", 1);
        byte[] invalidUtf8 = "{\"name\":\"a?b\"}\n".getBytes(UTF_8);
        invalidUtf8[10] = (byte) 0xFF;
        drop("a.jsonl", "{\"n\":1}\n{\"n\":\n" + "[" + "1,".repeat(100) + "1]\n{\"n\":3}\n");
        drop("b.jsonl", invalidUtf8);
        drop("c.jsonl.gz", "not gzip at all".getBytes(UTF_8));
        worker.startConnector("bad-json", connector("bad-json", Map.of(FileSourceConfig.FORMAT_CONFIG, "json",
                FileSourceConfig.FILE_EXISTING_CONFIG, "process",
                FileSourceConfig.LINE_MAX_BYTES_CONFIG, "100", FileSourceConfig.LINE_TOO_LONG_CONFIG, "skip",
                FileSourceConfig.ERRORS_POLICY_CONFIG, "topic", FileSourceConfig.ERRORS_TOPIC_CONFIG, "bad-json-errors")));

        // when
        List<ConsumerRecord<String, String>> good = TopicReader.readAll(bootstrap, "bad-json", 3);
        List<ConsumerRecord<String, String>> bad = TopicReader.readAll(bootstrap, "bad-json-errors", 2);

        // then: valid records (invalid UTF-8 replaced), the long line skipped, the bad ones reported
        assertThat(good).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":3}", "{\"name\":\"a\uFFFDb\"}");
        assertThat(bad).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{\"n\":", null);
        assertThat(bad).extracting(r -> new String(r.headers().lastHeader(Headers.ERROR_REASON).value(), UTF_8))
                .anySatisfy(reason -> assertThat(reason).startsWith("invalid JSON at character 6"))
                .anySatisfy(reason -> assertThat(reason).contains("Not in GZIP format"));
        worker.stopConnector("bad-json");
    }

    @Test
    void shouldMoveAMalformedCsvFileToTheErrorDirectoryAfterPublishingTheRowsBefore(EmbeddedKafkaBroker broker)
            throws Exception {
        // given
        broker.createTopic("bad-csv", 1);
        Path file = drop("rows.csv", "a,b\n1,2\n\"unterminated,3\n");
        worker.startConnector("bad-csv", connector("bad-csv", Map.of(FileSourceConfig.FORMAT_CONFIG, "csv",
                FileSourceConfig.FILE_EXISTING_CONFIG, "process", FileSourceConfig.ERRORS_POLICY_CONFIG, "move",
                FileSourceConfig.ERRORS_PATH_CONFIG, errorDir.toString())));

        // when
        List<ConsumerRecord<String, String>> rows = TopicReader.readAll(bootstrap, "bad-csv", 1);

        // then
        assertThat(rows).extracting(ConsumerRecord::value).containsExactly("{\"a\":\"1\",\"b\":\"2\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(file));
        assertThat(errorDir.resolve("rows.csv")).exists();
        worker.stopConnector("bad-csv");
    }

    @Test
    void shouldFailTheTaskWithAClearErrorAfterPublishingTheLinesBeforeAnOverLongLine(EmbeddedKafkaBroker broker)
            throws Exception {
        // given
        broker.createTopic("too-long", 1);
        worker.startConnector("too-long", connector("too-long", Map.of(FileSourceConfig.LINE_MAX_BYTES_CONFIG, "100")));

        // when
        Path file = drop("long.txt", "ok 1\nok 2\n" + "x".repeat(500) + "\nnever\n");
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(bootstrap, "too-long", 2);

        // then
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("ok 1", "ok 2");
        await().atMost(Duration.ofSeconds(30)).until(() -> status("too-long").contains("FAILED"));
        assertThat(status("too-long")).contains("line 3 of " + file + " (byte 10) is 500 bytes, longer than"
                + " line.max.bytes=100");
        worker.stopConnector("too-long");
    }

    // --- helpers ---

    private Map<String, String> connector(String topic, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", FileSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put(FileSourceConfig.TOPIC_CONFIG, topic);
        config.put(FileSourceConfig.FILE_PATH_CONFIG, dir.toString());
        config.put(FileSourceConfig.POLL_INTERVAL_MS_CONFIG, "100");
        config.putAll(overrides);
        return config;
    }

    private Path drop(String name, String content) throws Exception {
        return drop(name, content.getBytes(UTF_8));
    }

    private Path drop(String name, byte[] content) throws Exception {
        return drop(name, content, System.currentTimeMillis());
    }

    private Path drop(String name, byte[] content, long modified) throws Exception {
        Path temp = dir.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.setLastModifiedTime(temp, FileTime.fromMillis(modified));
        return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String status(String connector) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(worker.restUrl() + "/connectors/" + connector + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
