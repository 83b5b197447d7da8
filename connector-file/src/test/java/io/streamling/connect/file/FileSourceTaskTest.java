package io.streamling.connect.file;

import static io.streamling.connect.file.FileSourceTask.OFFSET_POSITION_KEY;
import static io.streamling.connect.file.FileSourceTask.PARTITION_FINGERPRINT_KEY;
import static io.streamling.connect.file.FileSourceTask.PARTITION_PATH_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTaskTest {

    private static final String TOPIC = "lines";
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final List<FileSourceTask> tasks = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        tasks.forEach(FileSourceTask::stop);
    }

    @Test
    void shouldPublishLinesOfFilesInModificationTimeOrderWithBytePositions() throws Exception {
        // given: two files, the one named last is the oldest; "\r\n", "\n" and a last line without terminator
        Path older = publish("z-older.txt", "first\nsecond line\r\nthird", T0);
        Path newer = publish("a-newer.txt", "b\u00e9ta\n", T0 + 1_000);
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));

        // when
        List<SourceRecord> records = pollUntil(task, 4);

        // then
        assertThat(records).extracting(SourceRecord::value, r -> path(r), r -> position(r)).containsExactly(
                tuple("first", older.toString(), 6L),
                tuple("second line", older.toString(), 19L),
                tuple("third", older.toString(), 24L),
                tuple("b\u00e9ta", newer.toString(), 6L));
        assertThat(records).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.key()).isNull();
            assertThat(record.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(record.timestamp()).isGreaterThan(T0);
        });
        assertNoMoreRecords(task);
    }

    @Test
    void shouldOrderFilesWithTheSameModificationTimeByName() throws Exception {
        // given
        publish("b.txt", "from b\n", T0);
        publish("a.txt", "from a\n", T0);
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));

        // when
        List<SourceRecord> records = pollUntil(task, 2);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("from a", "from b");
    }

    @Test
    void shouldReadFileCreatedAfterStartButIgnoreFileExistingAtStartByDefault() throws Exception {
        // given
        publish("existing.txt", "old news\n", T0);
        FileSourceTask task = startTask(Map.of());

        // when
        Path created = publish("created.txt", "fresh 1\nfresh 2\n", System.currentTimeMillis());
        List<SourceRecord> records = pollUntil(task, 2);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("fresh 1", "fresh 2");
        assertThat(records).extracting(r -> path(r)).containsOnly(created.toString());
        assertNoMoreRecords(task);
    }

    @Test
    void shouldReadFileExistingAtStartWhenFileExistingIsProcess() throws Exception {
        // given
        publish("existing.txt", "old news\n", T0);
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));

        // when
        Path created = publish("created.txt", "fresh\n", System.currentTimeMillis());
        List<SourceRecord> records = pollUntil(task, 2);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("old news", "fresh");
        assertThat(path(records.get(1))).isEqualTo(created.toString());
        assertNoMoreRecords(task);
    }

    @Test
    void shouldResumeFileAtCommittedByteOffset() throws Exception {
        // given: a first run published all lines, but only the offset of line 2 was committed before a crash
        publish("data.txt", "one\ntwo\nthree\nfour\nfive\n", T0);
        FileSourceTask firstRun = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));
        List<SourceRecord> firstRecords = pollUntil(firstRun, 5);
        firstRun.stop();
        SourceRecord lastCommitted = firstRecords.get(1);
        FakeSourceTaskContext context = context().commit(lastCommitted.sourcePartition(), lastCommitted.sourceOffset());

        // when: restarted with the default file.existing=ignore
        FileSourceTask secondRun = startTask(Map.of(), context);
        List<SourceRecord> records = pollUntil(secondRun, 3);

        // then
        assertThat(position(lastCommitted)).isEqualTo(8L);
        assertThat(records).extracting(SourceRecord::value, r -> position(r))
                .containsExactly(tuple("three", 14L), tuple("four", 19L), tuple("five", 24L));
        assertThat(records).extracting(SourceRecord::sourcePartition).containsOnly(lastCommitted.sourcePartition());
        assertNoMoreRecords(secondRun);
    }

    @Test
    void shouldNotRereadFileWhoseCommittedOffsetIsItsEnd() throws Exception {
        // given
        Path done = publish("done.txt", "a\nb\n", T0);
        FakeSourceTaskContext context = context().commit(
                FileOffsets.partition(done, sha256Hex(Files.readAllBytes(done))),
                Map.of(OFFSET_POSITION_KEY, 4L));
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"), context);

        // when
        Path next = publish("next.txt", "c\n", System.currentTimeMillis());
        List<SourceRecord> records = pollUntil(task, 1);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("c");
        assertThat(path(records.get(0))).isEqualTo(next.toString());
        assertNoMoreRecords(task);
    }

    @Test
    void shouldIdentifyFileByAbsolutePathAndFingerprintOfFirstKilobyte() throws Exception {
        // given: a file longer than the fingerprinted prefix
        String line = "x".repeat(99) + "\n";
        byte[] content = line.repeat(30).getBytes(UTF_8);
        Path file = publish("big.txt", content, T0);
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));

        // when
        List<SourceRecord> records = pollUntil(task, 30);

        // then
        assertThat(records.get(0).sourcePartition()).isEqualTo(Map.of(
                PARTITION_PATH_KEY, file.toAbsolutePath().toString(),
                PARTITION_FINGERPRINT_KEY, sha256Hex(Arrays.copyOf(content, 1024))));
        Map<String, Object> offset = new HashMap<>(records.get(29).sourceOffset());
        assertThat(offset).containsEntry(OFFSET_POSITION_KEY, 3000L).containsEntry(FileSourceTask.OFFSET_LINE_KEY, 30L);
    }

    @Test
    void shouldSkipDotFiles() throws Exception {
        // given
        FileSourceTask task = startTask(Map.of());

        // when
        Files.write(dir.resolve(".hidden.txt"), "secret\n".getBytes(UTF_8));
        publish("visible.txt", "shown\n", System.currentTimeMillis());
        List<SourceRecord> records = pollUntil(task, 1);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("shown");
        assertNoMoreRecords(task);
    }

    @Test
    void shouldReadOnlyFilesWhoseNameMatchesThePattern() throws Exception {
        // given
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_NAME_PATTERN_CONFIG, ".*\\.log"));

        // when
        publish("app.txt", "not me\n", System.currentTimeMillis());
        publish("app.log", "me\n", System.currentTimeMillis());
        List<SourceRecord> records = pollUntil(task, 1);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("me");
        assertNoMoreRecords(task);
    }

    @Test
    void shouldReplaceInvalidUtf8AndKeepNextLineIntact() throws Exception {
        // given: a truncated 2-byte sequence (C3 28) and a byte that is never UTF-8 (FF)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("ok\n".getBytes(UTF_8));
        bytes.write(new byte[] {'f', (byte) 0xC3, '(', (byte) 0xFF, '\n'});
        bytes.write("next \u00e9\n".getBytes(UTF_8));
        publish("bad.txt", bytes.toByteArray(), T0);
        FileSourceTask task = startTask(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process"));

        // when
        List<SourceRecord> records = pollUntil(task, 3);

        // then
        assertThat(records).extracting(SourceRecord::value, r -> position(r)).containsExactly(
                tuple("ok", 3L),
                tuple("f\uFFFD(\uFFFD", 8L),
                tuple("next \u00e9", 16L));
    }

    @Test
    void shouldReturnAtMostPollMaxRecordsPerPoll() throws Exception {
        // given
        publish("many.txt", "1\n2\n3\n4\n5\n6\n7\n", T0);
        FileSourceTask task = startTask(Map.of(
                FileSourceConfig.FILE_EXISTING_CONFIG, "process",
                FileSourceConfig.POLL_MAX_RECORDS_CONFIG, "3"));

        // when
        List<SourceRecord> first = task.poll();
        List<SourceRecord> rest = pollUntil(task, 4);

        // then
        assertThat(first).extracting(SourceRecord::value).containsExactly("1", "2", "3");
        assertThat(rest).extracting(SourceRecord::value).containsExactly("4", "5", "6", "7");
    }

    @Test
    void shouldReadAFileReplacedUnderTheSameNameAsANewFile() throws Exception {
        // given: a file already read completely
        FileSourceTask task = startTask(Map.of());
        publish("report.txt", "version 1\n", System.currentTimeMillis());
        SourceRecord first = pollUntil(task, 1).get(0);

        // when: a different file is moved in under the same name
        publish("report.txt", "version 2\n", System.currentTimeMillis() + 1_000);
        SourceRecord second = pollUntil(task, 1).get(0);

        // then
        assertThat(second.value()).isEqualTo("version 2");
        assertThat(path(second)).isEqualTo(path(first));
        assertThat(second.sourcePartition()).isNotEqualTo(first.sourcePartition());
        assertNoMoreRecords(task);
    }

    @Test
    void shouldNotRereadDataAppendedToAFileAlreadyRead() throws Exception {
        // given
        FileSourceTask task = startTask(Map.of());
        Path file = publish("grows.txt", "line 1\n", System.currentTimeMillis());
        pollUntil(task, 1);

        // when
        Files.write(file, "line 2\n".getBytes(UTF_8), java.nio.file.StandardOpenOption.APPEND);

        // then: like Spark's textFileStream, a file is read once
        assertNoMoreRecords(task);
    }

    @Test
    void shouldUnblockPollWhenStopped() throws Exception {
        // given: a poll waiting for the next listing a minute away
        FileSourceTask task = startTask(Map.of(FileSourceConfig.POLL_INTERVAL_MS_CONFIG, "60000"));
        List<List<SourceRecord>> results = new ArrayList<>();
        Thread poller = new Thread(() -> {
            try {
                results.add(task.poll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "poller");
        poller.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> poller.getState() == Thread.State.TIMED_WAITING);

        // when
        task.stop();

        // then
        await().atMost(Duration.ofSeconds(2)).until(() -> !poller.isAlive());
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isNull();
    }

    @Test
    void shouldFailWithConfigExceptionNamingFilePathWhenDirectoryIsMissing() {
        // given
        FileSourceTask task = new FileSourceTask();
        task.initialize(context());
        Map<String, String> props = props(Map.of(FileSourceConfig.FILE_PATH_CONFIG, dir.resolve("missing").toString()));

        // when / then
        assertThatThrownBy(() -> task.start(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(FileSourceConfig.FILE_PATH_CONFIG)
                .hasMessageContaining("does not exist");
    }

    // --- helpers ---

    private FileSourceTask startTask(Map<String, String> overrides) {
        return startTask(overrides, context());
    }

    private FileSourceTask startTask(Map<String, String> overrides, FakeSourceTaskContext context) {
        FileSourceTask task = new FileSourceTask();
        task.initialize(context);
        task.start(props(overrides));
        tasks.add(task);
        return task;
    }

    private Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(FileSourceConfig.TOPIC_CONFIG, TOPIC);
        props.put(FileSourceConfig.FILE_PATH_CONFIG, dir.toString());
        props.put(FileSourceConfig.POLL_INTERVAL_MS_CONFIG, "20");
        props.putAll(overrides);
        return props;
    }

    private static FakeSourceTaskContext context() {
        return new FakeSourceTaskContext(Map.of());
    }

    /** Polls until exactly {@code count} records arrived (fails if more come in the same poll). */
    private static List<SourceRecord> pollUntil(FileSourceTask task, int count) {
        List<SourceRecord> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    List<SourceRecord> records = task.poll();
                    if (records != null) {
                        received.addAll(records);
                    }
                    return received.size() >= count;
                });
        assertThat(received).hasSize(count);
        return received;
    }

    /** Each idle poll waits for and performs one directory listing: three give any new file its chance. */
    private static void assertNoMoreRecords(FileSourceTask task) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(task.poll()).isNull();
        }
    }

    /** Makes a complete file appear atomically (written under a dot-name, then renamed), as writers should. */
    private Path publish(String name, String content, long modifiedMillis) throws IOException {
        return publish(name, content.getBytes(UTF_8), modifiedMillis);
    }

    private Path publish(String name, byte[] content, long modifiedMillis) throws IOException {
        Path temp = dir.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.setLastModifiedTime(temp, FileTime.fromMillis(modifiedMillis));
        return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
                .toAbsolutePath();
    }

    private static String path(SourceRecord record) {
        return (String) record.sourcePartition().get(PARTITION_PATH_KEY);
    }

    private static long position(SourceRecord record) {
        return ((Number) record.sourceOffset().get(OFFSET_POSITION_KEY)).longValue();
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
