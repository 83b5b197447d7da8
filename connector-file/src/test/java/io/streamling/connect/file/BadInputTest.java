package io.streamling.connect.file;

import static io.streamling.connect.file.TaskFixture.T0;
import static io.streamling.connect.file.TaskFixture.acknowledge;
import static io.streamling.connect.file.TaskFixture.assertNoMoreRecords;
import static io.streamling.connect.file.TaskFixture.header;
import static io.streamling.connect.file.TaskFixture.pollUntil;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input, under every policy: a clear error or the documented policy, nothing else lost. */
class BadInputTest {

    private static final String ERRORS = "bad-lines";

    @TempDir
    Path dir;

    @TempDir
    Path errorDir;

    private TaskFixture fixture;

    private TaskFixture fixture() {
        if (fixture == null) {
            fixture = new TaskFixture(dir);
        }
        return fixture;
    }

    @AfterEach
    void stop() {
        fixture().close();
    }

    @Nested
    class LongLines {

        private static final String CONTENT = "short\n" + "x".repeat(25) + "\nafter\n";

        @Test
        void shouldFailNamingFileLineOffsetAndLimitAfterPublishingTheLinesBefore() throws Exception {
            // given
            Path file = fixture().publish("long.txt", CONTENT, T0);
            FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.LINE_MAX_BYTES_CONFIG, "10"));

            // when
            List<SourceRecord> before = task.poll();

            // then
            assertThat(before).extracting(SourceRecord::value).containsExactly("short");
            assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("line 2 of " + file + " (byte 6) is 25 bytes, longer than line.max.bytes=10")
                    .hasMessageContaining("line.too.long=fail");
        }

        @Test
        void shouldSkipTheLongLineAndCountIt() throws Exception {
            // given
            fixture().publish("long.txt", CONTENT, T0);
            FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.LINE_MAX_BYTES_CONFIG, "10",
                    FileSourceConfig.LINE_TOO_LONG_CONFIG, "skip"));

            // when
            List<SourceRecord> records = pollUntil(task, 2);

            // then
            assertThat(records).extracting(SourceRecord::value, TaskFixture::position)
                    .containsExactly(tuple("short", 6L), tuple("after", 38L));
            assertThat(task.metrics().getRecordsSkipped()).isEqualTo(1);
            assertNoMoreRecords(task);
        }

        @Test
        void shouldTruncateTheLongLineAtACharacterBoundary() throws Exception {
            // given: 2-byte characters, a limit of 9 bytes
            fixture().publish("long.txt", "short\n" + "\u00e9".repeat(20) + "\nafter\n", T0);
            FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.LINE_MAX_BYTES_CONFIG, "9",
                    FileSourceConfig.LINE_TOO_LONG_CONFIG, "truncate"));

            // when
            List<SourceRecord> records = pollUntil(task, 3);

            // then
            assertThat(records).extracting(SourceRecord::value)
                    .containsExactly("short", "\u00e9".repeat(4), "after");
            assertThat(task.metrics().getRecordsTruncated()).isEqualTo(1);
        }

        @Test
        void shouldApplyTheLimitToAWholeBinaryFile() {
            // given
            fixture().publish("big.bin", new byte[100], T0);
            fixture().publish("small.bin", new byte[5], T0 + 1);
            FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "binary",
                    FileSourceConfig.LINE_MAX_BYTES_CONFIG, "10", FileSourceConfig.LINE_TOO_LONG_CONFIG, "truncate"));

            // when
            List<SourceRecord> records = pollUntil(task, 2);

            // then
            assertThat(records).extracting(r -> ((byte[]) r.value()).length).containsExactly(10, 5);
            assertThat(records).extracting(TaskFixture::position).containsExactly(100L, 5L);
        }
    }

    @Test
    void shouldReplaceInvalidUtf8InJsonAndCsvWithoutLosingTheRecord() {
        // given: a byte that is never UTF-8 inside a JSON string and a CSV field
        byte[] json = "{\"name\":\"a\u0000b\"}\n".getBytes(UTF_8);
        json[10] = (byte) 0xFF;
        byte[] csv = "name\na\u0000b\n".getBytes(UTF_8);
        csv[6] = (byte) 0xFF;
        fixture().publish("a.jsonl", json, T0);
        fixture().publish("b.csv", csv, T0);
        FileSourceTask jsonTask = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "json",
                FileSourceConfig.FILE_NAME_PATTERN_CONFIG, ".*jsonl"));
        FileSourceTask csvTask = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv",
                FileSourceConfig.FILE_NAME_PATTERN_CONFIG, ".*csv"));

        // when / then
        assertThat(pollUntil(jsonTask, 1)).extracting(SourceRecord::value).containsExactly("{\"name\":\"a\uFFFDb\"}");
        assertThat(pollUntil(csvTask, 1)).extracting(SourceRecord::value).containsExactly("{\"name\":\"a\uFFFDb\"}");
    }

    @Nested
    class MalformedRecords {

        private static final String JSON = "{\"a\":1}\n{\"a\":\n{\"b\":2}\n";
        private static final String CSV = "x,y\n1,2\n3\n4,5\n";

        @Test
        void shouldFailOnMalformedJsonSayingWhereAndWhyAfterPublishingTheRecordsBefore() throws Exception {
            // given
            Path file = fixture().publish("a.jsonl", JSON, T0);
            FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "json"));

            // when
            List<SourceRecord> before = task.poll();

            // then
            assertThat(before).extracting(SourceRecord::value).containsExactly("{\"a\":1}");
            assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                    .hasMessage("Malformed record in " + file + " at byte 8 (line 2): invalid JSON at character 6:"
                            + " expected a value but the line ended (errors.policy=fail)");
        }

        @Test
        void shouldFailOnMalformedCsvSayingWhereAndWhy() throws Exception {
            // given
            Path file = fixture().publish("a.csv", CSV, T0);
            FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv"));

            // when
            List<SourceRecord> before = task.poll();

            // then
            assertThat(before).extracting(SourceRecord::value).containsExactly("{\"x\":\"1\",\"y\":\"2\"}");
            assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                    .hasMessage("Malformed record in " + file + " at byte 8 (line 3): invalid CSV: row has 1 fields,"
                            + " the header has 2 (errors.policy=fail)");
        }

        @Test
        void shouldSendMalformedJsonToTheErrorTopicWithHeadersAndGoOn() {
            // given
            Path file = fixture().publish("a.jsonl", JSON, T0);
            FileSourceTask task = fixture().startProcessing(errorTopic(Map.of(FileSourceConfig.FORMAT_CONFIG, "json")));

            // when
            List<SourceRecord> records = pollUntil(task, 3);

            // then
            assertThat(records).extracting(SourceRecord::topic, SourceRecord::value, TaskFixture::position)
                    .containsExactly(tuple("lines", "{\"a\":1}", 8L), tuple(ERRORS, "{\"a\":", 14L),
                            tuple("lines", "{\"b\":2}", 22L));
            SourceRecord error = records.get(1);
            assertThat(header(error, Headers.ERROR_REASON)).startsWith("invalid JSON at character 6");
            assertThat(header(error, Headers.PATH)).isEqualTo(file.toString());
            assertThat(header(error, Headers.OFFSET)).isEqualTo("8");
            assertThat(header(error, Headers.LINE)).isEqualTo("2");
            assertThat(task.metrics().getRecordsMalformed()).isEqualTo(1);
        }

        @Test
        void shouldSendMalformedCsvToTheErrorTopicAndGoOn() {
            // given
            fixture().publish("a.csv", CSV, T0);
            FileSourceTask task = fixture().startProcessing(errorTopic(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv")));

            // when
            List<SourceRecord> records = pollUntil(task, 3);

            // then
            assertThat(records).extracting(SourceRecord::topic, SourceRecord::value).containsExactly(
                    tuple("lines", "{\"x\":\"1\",\"y\":\"2\"}"), tuple(ERRORS, "3"), tuple("lines", "{\"x\":\"4\",\"y\":\"5\"}"));
            assertThat(header(records.get(1), Headers.ERROR_REASON))
                    .isEqualTo("invalid CSV: row has 1 fields, the header has 2");
        }

        @Test
        void shouldMoveAFileWithMalformedJsonToTheErrorDirectoryOnceItsRecordsAreAcknowledged() throws Exception {
            // given
            Path file = fixture().publish("sub/a.jsonl", JSON, T0);
            FileSourceTask task = fixture().startProcessing(errorMove(Map.of(FileSourceConfig.FORMAT_CONFIG, "json",
                    FileSourceConfig.FILE_RECURSIVE_CONFIG, "true")));
            List<SourceRecord> published = pollUntil(task, 1);
            assertNoMoreRecords(task);
            assertThat(file).exists(); // its record is not acknowledged yet

            // when
            acknowledge(task, published);
            awaitPolled(task, () -> !Files.exists(file));

            // then: the whole file is kept, with its relative path, for a person to look at
            assertThat(published).extracting(SourceRecord::value).containsExactly("{\"a\":1}");
            assertThat(errorDir.resolve("sub/a.jsonl")).hasContent(JSON.strip());
            assertThat(task.metrics().getFilesFailed()).isEqualTo(1);
        }

        @Test
        void shouldMoveAFileWithMalformedCsvToTheErrorDirectory() {
            // given
            Path file = fixture().publish("a.csv", CSV, T0);
            FileSourceTask task = fixture().startProcessing(errorMove(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv")));
            List<SourceRecord> published = pollUntil(task, 1);

            // when
            acknowledge(task, published);
            awaitPolled(task, () -> !Files.exists(file));

            // then
            assertThat(errorDir.resolve("a.csv")).exists();
        }

        @Test
        void shouldTreatAMissingTimestampFieldAsMalformed() {
            // given
            fixture().publish("a.jsonl", "{\"ts\":1}\n{\"other\":2}\n{\"ts\":\"soon\"}\n", T0);
            Map<String, String> props = new HashMap<>(errorTopic(Map.of(FileSourceConfig.FORMAT_CONFIG, "json")));
            props.put(FileSourceConfig.TIMESTAMP_MODE_CONFIG, "field");
            props.put(FileSourceConfig.TIMESTAMP_FIELD_CONFIG, "ts");
            FileSourceTask task = fixture().startProcessing(props);

            // when
            List<SourceRecord> records = pollUntil(task, 3);

            // then
            assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", ERRORS, ERRORS);
            assertThat(records).extracting(r -> header(r, Headers.ERROR_REASON)).containsExactly(null,
                    "timestamp field 'ts' is missing (or the line is not an object)",
                    "timestamp field 'ts': 'soon' is neither epoch milliseconds nor an ISO-8601 instant or offset"
                            + " date-time");
        }

        @Test
        void shouldTreatAShortLastFixedRecordAsMalformed() {
            // given
            fixture().publish("r.bin", "aaaabb".getBytes(UTF_8), T0);
            Map<String, String> props = new HashMap<>(errorTopic(Map.of(FileSourceConfig.FORMAT_CONFIG, "fixed")));
            props.put(FileSourceConfig.FORMAT_RECORD_BYTES_CONFIG, "4");
            FileSourceTask task = fixture().startProcessing(props);

            // when
            List<SourceRecord> records = pollUntil(task, 2);

            // then
            assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", ERRORS);
            assertThat((byte[]) records.get(1).value()).isEqualTo("bb".getBytes(UTF_8));
            assertThat(header(records.get(1), Headers.ERROR_REASON)).isEqualTo("last record has 2 bytes, not"
                    + " format.record.bytes=4");
        }
    }

    @Nested
    class UnreadableFiles {

        private final byte[] notGzip = "this is not gzip\n".getBytes(UTF_8);

        @Test
        void shouldFailNamingTheFileAndTheCause() {
            // given
            Path bad = fixture().publish("bad.txt.gz", notGzip, T0);
            fixture().publish("good.txt", "fine\n", T0 + 1);
            FileSourceTask task = fixture().startProcessing(Map.of());

            // when / then
            assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                    .hasMessage("Cannot read file: cannot read " + bad + " at byte 0:"
                            + " java.util.zip.ZipException: Not in GZIP format (errors.policy=fail)");
        }

        @Test
        void shouldReportTheFileToTheErrorTopicOnceAndReadTheOthers() throws Exception {
            // given
            Path bad = fixture().publish("bad.txt.gz", notGzip, T0);
            fixture().publish("good.txt", "fine\n", T0 + 1);
            FileSourceTask task = fixture().startProcessing(errorTopic(Map.of()));

            // when
            List<SourceRecord> records = pollUntil(task, 2);
            task.stop();
            FakeSourceTaskContext committed = new FakeSourceTaskContext(Map.of());
            records.forEach(r -> committed.commit(r.sourcePartition(), r.sourceOffset()));
            FileSourceTask restarted = fixture().start(errorTopic(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG,
                    "process")), committed);

            // then
            assertThat(records).extracting(SourceRecord::topic, SourceRecord::value)
                    .containsExactly(tuple(ERRORS, null), tuple("lines", "fine"));
            assertThat(header(records.get(0), Headers.PATH)).isEqualTo(bad.toString());
            assertThat(header(records.get(0), Headers.ERROR_REASON)).contains("Not in GZIP format");
            assertThat(records.get(0).sourceOffset().get(FileSourceTask.OFFSET_COMPLETE_KEY)).isEqualTo(true);
            assertNoMoreRecords(restarted); // neither file again
        }

        @Test
        void shouldMoveTheFileToTheErrorDirectoryAndReadTheOthers() {
            // given
            Path bad = fixture().publish("bad.txt.gz", notGzip, T0);
            fixture().publish("good.txt", "fine\n", T0 + 1);
            FileSourceTask task = fixture().startProcessing(errorMove(Map.of()));

            // when
            List<SourceRecord> records = pollUntil(task, 1);
            awaitPolled(task, () -> !Files.exists(bad));

            // then
            assertThat(records).extracting(SourceRecord::value).containsExactly("fine");
            assertThat(errorDir.resolve("bad.txt.gz")).hasBinaryContent(notGzip);
        }

        @Test
        void shouldReportAFileCutShortInsideItsCompressedDataAfterItsFirstRecords() {
            // given: a gzip file missing its last bytes
            byte[] whole = TaskFixture.gzip("x".repeat(100_000) + "\n" + "y".repeat(100_000) + "\n");
            fixture().publish("cut.gz", java.util.Arrays.copyOf(whole, whole.length - 20), T0);
            FileSourceTask task = fixture().startProcessing(errorTopic(Map.of()));

            // when
            List<SourceRecord> records = pollUntil(task, 2);

            // then: the second line was cut, so it is the error record that tells
            assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", ERRORS);
            assertThat(header(records.get(1), Headers.ERROR_REASON)).contains("Unexpected end of ZLIB input stream");
            assertThat(header(records.get(1), Headers.OFFSET)).isEqualTo("100001");
        }
    }

    private Map<String, String> errorTopic(Map<String, String> props) {
        Map<String, String> result = new HashMap<>(props);
        result.put(FileSourceConfig.ERRORS_POLICY_CONFIG, "topic");
        result.put(FileSourceConfig.ERRORS_TOPIC_CONFIG, ERRORS);
        return result;
    }

    private Map<String, String> errorMove(Map<String, String> props) {
        Map<String, String> result = new HashMap<>(props);
        result.put(FileSourceConfig.ERRORS_POLICY_CONFIG, "move");
        result.put(FileSourceConfig.ERRORS_PATH_CONFIG, errorDir.toString());
        return result;
    }

    /** Polls (which is when acknowledged files are cleaned up) until the condition holds. */
    static void awaitPolled(FileSourceTask task, java.util.function.BooleanSupplier condition) {
        List<SourceRecord> unexpected = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
            List<SourceRecord> records = task.poll();
            if (records != null) {
                unexpected.addAll(records);
            }
            return condition.getAsBoolean();
        });
        assertThat(unexpected).isEmpty();
    }
}
