package io.streamling.connect.file;

import static io.streamling.connect.file.TaskFixture.T0;
import static io.streamling.connect.file.TaskFixture.assertNoMoreRecords;
import static io.streamling.connect.file.TaskFixture.header;
import static io.streamling.connect.file.TaskFixture.pollUntil;
import static io.streamling.connect.file.TaskFixture.position;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatsTest {

    @TempDir
    Path dir;

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

    @Test
    void shouldPublishEachJsonLineAsItIsSkippingBlankLines() {
        // given
        fixture().publish("events.jsonl", "{\"a\":1}\n\n  \n[1,2]\n\"text\"\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "json"));

        // when
        List<SourceRecord> records = pollUntil(task, 3);

        // then
        assertThat(records).extracting(SourceRecord::value, TaskFixture::position)
                .containsExactly(tuple("{\"a\":1}", 8L), tuple("[1,2]", 18L), tuple("\"text\"", 25L));
        assertThat(records).extracting(SourceRecord::valueSchema).containsOnly(Schema.STRING_SCHEMA);
    }

    @Test
    void shouldTurnCsvRowsIntoJsonObjectsKeyedByTheHeader() {
        // given: a quoted separator, doubled quotes, a field over two lines, a blank line
        fixture().publish("people.csv", "id,name,note\n1,alice,\"hello, \"\"world\"\"\"\n\n2,bob,\"multi\nline\"\n",
                T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv",
                FileSourceConfig.HEADERS_ENABLED_CONFIG, "true"));

        // when
        List<SourceRecord> records = pollUntil(task, 2);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly(
                "{\"id\":\"1\",\"name\":\"alice\",\"note\":\"hello, \\\"world\\\"\"}",
                "{\"id\":\"2\",\"name\":\"bob\",\"note\":\"multi\\nline\"}");
        assertThat(records).extracting(r -> header(r, Headers.LINE)).containsExactly("2", "4");
        assertThat(records).extracting(TaskFixture::position).containsExactly(40L, 60L);
    }

    @Test
    void shouldResumeACsvFileAfterTheLastCommittedRowReadingTheHeaderAgain() {
        // given: the first row was committed before a crash
        Path file = fixture().publish("people.csv", "id,name\n1,alice\n2,bob\n", T0);
        FileSourceTask first = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv"));
        SourceRecord committed = pollUntil(first, 2).get(0);
        first.stop();
        FakeSourceTaskContext context = new FakeSourceTaskContext(Map.of())
                .commit(committed.sourcePartition(), committed.sourceOffset());

        // when
        FileSourceTask second = fixture().start(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv",
                FileSourceConfig.HEADERS_ENABLED_CONFIG, "true"), context);
        List<SourceRecord> records = pollUntil(second, 1);

        // then
        assertThat(records.get(0).value()).isEqualTo("{\"id\":\"2\",\"name\":\"bob\"}");
        assertThat(header(records.get(0), Headers.LINE)).isEqualTo("3");
        assertThat(TaskFixture.path(records.get(0))).isEqualTo(file.toString());
    }

    @Test
    void shouldPublishAWholeFileAsOneBytesRecord() {
        // given
        byte[] content = {0, 1, 2, (byte) 0xFF, '\n', 3};
        fixture().publish("blob.bin", content, T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "binary"));

        // when
        SourceRecord record = pollUntil(task, 1).get(0);

        // then
        assertThat(record.value()).isEqualTo(content);
        assertThat(record.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(position(record)).isEqualTo(6L);
    }

    @Test
    void shouldSplitAFileIntoFixedLengthRecords() throws Exception {
        // given
        fixture().publish("records.bin", "aaaabbbbcccc".getBytes(UTF_8), T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "fixed",
                FileSourceConfig.FORMAT_RECORD_BYTES_CONFIG, "4"));

        // when
        List<SourceRecord> records = pollUntil(task, 3);

        // then
        assertThat(records).extracting(r -> new String((byte[]) r.value(), UTF_8), TaskFixture::position)
                .containsExactly(tuple("aaaa", 4L), tuple("bbbb", 8L), tuple("cccc", 12L));
        assertNoMoreRecords(task);
    }

    @Test
    void shouldReadGzipFilesByExtensionAndResumeAtUncompressedPositions() {
        // given: the first line of a gzip file was committed before a crash
        fixture().publish("lines.txt.gz", TaskFixture.gzip("one\ntwo\nthree\n"), T0);
        FileSourceTask first = fixture().startProcessing(Map.of());
        List<SourceRecord> all = pollUntil(first, 3);
        first.stop();
        FakeSourceTaskContext context = new FakeSourceTaskContext(Map.of())
                .commit(all.get(0).sourcePartition(), all.get(0).sourceOffset());

        // when
        FileSourceTask second = fixture().start(Map.of(), context);
        List<SourceRecord> rest = pollUntil(second, 2);

        // then
        assertThat(all).extracting(SourceRecord::value, TaskFixture::position)
                .containsExactly(tuple("one", 4L), tuple("two", 8L), tuple("three", 14L));
        assertThat(rest).extracting(SourceRecord::value).containsExactly("two", "three");
    }

    @Test
    void shouldDecodeTheConfiguredCharset() {
        // given
        fixture().publish("utf16.txt", "\ufeff\u03b1\r\n\u03b2\n".getBytes(StandardCharsets.UTF_16LE), T0);
        fixture().publish("latin1.txt", "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), T0 + 1);
        FileSourceTask utf16 = fixture().startProcessing(Map.of(FileSourceConfig.FILE_CHARSET_CONFIG, "UTF-16LE",
                FileSourceConfig.FILE_NAME_PATTERN_CONFIG, "utf16.*"));
        FileSourceTask latin1 = fixture().startProcessing(Map.of(FileSourceConfig.FILE_CHARSET_CONFIG, "ISO-8859-1",
                FileSourceConfig.FILE_NAME_PATTERN_CONFIG, "latin1.*"));

        // when / then
        assertThat(pollUntil(utf16, 2)).extracting(SourceRecord::value, TaskFixture::position)
                .containsExactly(tuple("\u03b1", 8L), tuple("\u03b2", 12L));
        assertThat(pollUntil(latin1, 1)).extracting(SourceRecord::value).containsExactly("caf\u00e9");
    }

    @Test
    void shouldAddFileHeadersKeyAndFileTimestampWhenAsked() {
        // given
        Path file = fixture().publish("a.txt", "x\ny\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.HEADERS_ENABLED_CONFIG, "true",
                FileSourceConfig.RECORD_KEY_CONFIG, "path", FileSourceConfig.TIMESTAMP_MODE_CONFIG, "file"));

        // when
        SourceRecord second = pollUntil(task, 2).get(1);

        // then
        assertThat(second.key()).isEqualTo(file.toString());
        assertThat(second.timestamp()).isEqualTo(T0);
        assertThat(header(second, Headers.PATH)).isEqualTo(file.toString());
        assertThat(header(second, Headers.NAME)).isEqualTo("a.txt");
        assertThat(header(second, Headers.OFFSET)).isEqualTo("2");
        assertThat(header(second, Headers.LINE)).isEqualTo("2");
        assertThat(header(second, Headers.SIZE)).isEqualTo("4");
        assertThat(header(second, Headers.MODIFIED)).isEqualTo(String.valueOf(T0));
    }

    @Test
    void shouldGiveEachRecordTheHeadersOfItsOwnFileInOrder() {
        // given two files: the headers that are the same for a whole file are shared per file
        Path first = fixture().publish("a.txt", "x\ny\n", T0);
        Path second = fixture().publish("b.txt", "zz\n", T0 + 1000);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.HEADERS_ENABLED_CONFIG, "true"));

        // when
        List<SourceRecord> records = pollUntil(task, 3);

        // then
        assertThat(records).extracting(r -> header(r, Headers.PATH), r -> header(r, Headers.NAME),
                r -> header(r, Headers.OFFSET), r -> header(r, Headers.LINE), r -> header(r, Headers.SIZE),
                r -> header(r, Headers.MODIFIED)).containsExactly(
                tuple(first.toString(), "a.txt", "0", "1", "4", String.valueOf(T0)),
                tuple(first.toString(), "a.txt", "2", "2", "4", String.valueOf(T0)),
                tuple(second.toString(), "b.txt", "0", "1", "3", String.valueOf(T0 + 1000)));
        assertThat(records.get(2).headers()).extracting(Header::key).containsExactly(
                Headers.PATH, Headers.NAME, Headers.OFFSET, Headers.LINE, Headers.SIZE, Headers.MODIFIED);
    }

    @Test
    void shouldNotAddHeadersByDefault() {
        // given
        fixture().publish("a.txt", "x\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of());

        // when
        SourceRecord record = pollUntil(task, 1).get(0);

        // then
        assertThat(record.headers()).isEmpty();
        assertThat(record.key()).isNull();
    }

    @Test
    void shouldTakeTheTimestampFromAJsonFieldOrCsvColumn() {
        // given
        fixture().publish("a.jsonl", "{\"ts\":1700000000123,\"v\":1}\n{\"v\":2,\"ts\":\"2023-11-14T22:13:20.124Z\"}\n", T0);
        fixture().publish("b.csv", "v,ts\n3,1700000000125\n", T0 + 1);
        FileSourceTask json = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "json",
                FileSourceConfig.FILE_NAME_PATTERN_CONFIG, ".*jsonl", FileSourceConfig.TIMESTAMP_MODE_CONFIG, "field",
                FileSourceConfig.TIMESTAMP_FIELD_CONFIG, "ts"));
        FileSourceTask csv = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv",
                FileSourceConfig.FILE_NAME_PATTERN_CONFIG, ".*csv", FileSourceConfig.TIMESTAMP_MODE_CONFIG, "field",
                FileSourceConfig.TIMESTAMP_FIELD_CONFIG, "ts"));

        // when / then
        assertThat(pollUntil(json, 2)).extracting(SourceRecord::timestamp)
                .containsExactly(1_700_000_000_123L, 1_700_000_000_124L);
        assertThat(pollUntil(csv, 1)).extracting(SourceRecord::timestamp).containsExactly(1_700_000_000_125L);
    }
}
