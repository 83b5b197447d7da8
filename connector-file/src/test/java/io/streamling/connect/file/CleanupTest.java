package io.streamling.connect.file;

import static io.streamling.connect.file.BadInputTest.awaitPolled;
import static io.streamling.connect.file.TaskFixture.T0;
import static io.streamling.connect.file.TaskFixture.acknowledge;
import static io.streamling.connect.file.TaskFixture.assertNoMoreRecords;
import static io.streamling.connect.file.TaskFixture.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are deleted or archived only after Kafka acknowledged every record published from them. */
class CleanupTest {

    @TempDir
    Path dir;

    @TempDir
    Path archive;

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
    void shouldDeleteAFileOnlyAfterKafkaAcknowledgedItsLastRecord() throws Exception {
        // given: a file read to its end
        Path file = fixture().publish("a.txt", "1\n2\n3\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.CLEANUP_CONFIG, "delete"));
        List<SourceRecord> records = pollUntil(task, 3);
        assertNoMoreRecords(task);

        // when: Kafka acknowledged two of its three records (the producer may acknowledge out of order)
        acknowledge(task, List.of(records.get(0), records.get(2)));
        assertNoMoreRecords(task);

        // then
        assertThat(file).exists();
        assertThat(task.metrics().getFilesAwaitingAcknowledgement()).isEqualTo(1);

        // when: and the last one
        acknowledge(task, List.of(records.get(1)));
        awaitPolled(task, () -> !Files.exists(file));

        // then
        assertThat(task.metrics().getFilesCleanedUp()).isEqualTo(1);
        assertThat(task.metrics().getFileStatuses()).containsEntry(file.toString(), "CLEANED_UP");
    }

    @Test
    void shouldArchiveKeepingThePathRelativeToTheWatchedDirectory() {
        // given
        Path file = fixture().publish("2024/01/a.txt", "x\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.CLEANUP_CONFIG, "archive",
                FileSourceConfig.CLEANUP_ARCHIVE_PATH_CONFIG, archive.toString(),
                FileSourceConfig.FILE_RECURSIVE_CONFIG, "true"));
        List<SourceRecord> records = pollUntil(task, 1);

        // when
        acknowledge(task, records);
        awaitPolled(task, () -> !Files.exists(file));

        // then
        assertThat(archive.resolve("2024/01/a.txt")).hasContent("x");
    }

    @Test
    void shouldNotOverwriteAnArchivedFileOfTheSameName() throws Exception {
        // given: a file of the same name was archived before
        fixture().publish("a.txt", "first\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.CLEANUP_CONFIG, "archive",
                FileSourceConfig.CLEANUP_ARCHIVE_PATH_CONFIG, archive.toString()));
        acknowledge(task, pollUntil(task, 1));
        awaitPolled(task, () -> Files.exists(archive.resolve("a.txt")));

        // when
        Path second = fixture().publish("a.txt", "second\n", System.currentTimeMillis());
        acknowledge(task, pollUntil(task, 1));
        awaitPolled(task, () -> !Files.exists(second));

        // then
        assertThat(archive.resolve("a.txt")).hasContent("first");
        try (var archived = Files.list(archive)) {
            assertThat(archived).hasSize(2);
        }
    }

    @Test
    void shouldCleanUpAFileWithoutRecordsWithoutWaiting() {
        // given: a CSV file with only its header
        Path file = fixture().publish("empty.csv", "a,b\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "csv",
                FileSourceConfig.CLEANUP_CONFIG, "delete"));

        // when / then
        awaitPolled(task, () -> !Files.exists(file));
    }

    @Test
    void shouldCleanUpAtStartAFileWhoseCommittedOffsetIsItsEndAndNotReadItAgain() throws Exception {
        // given: a previous run read the file and committed its last offset, then stopped before cleaning up
        Path file = fixture().publish("a.txt", "1\n2\n", T0);
        FileSourceTask first = fixture().startProcessing(Map.of());
        SourceRecord last = pollUntil(first, 2).get(1);
        first.stop();
        FakeSourceTaskContext context = new FakeSourceTaskContext(Map.of())
                .commit(last.sourcePartition(), last.sourceOffset());

        // when
        FileSourceTask second = fixture().start(Map.of(FileSourceConfig.CLEANUP_CONFIG, "delete",
                FileSourceConfig.FILE_EXISTING_CONFIG, "process"), context);

        // then
        assertThat(file).doesNotExist();
        assertNoMoreRecords(second);
    }

    @Test
    void shouldLeaveAFileInPlaceWhenCleanupIsNone() throws Exception {
        // given
        Path file = fixture().publish("a.txt", "1\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of());

        // when
        acknowledge(task, pollUntil(task, 1));
        assertNoMoreRecords(task);

        // then
        assertThat(file).exists();
    }

    @Test
    void shouldCleanUpAFileWhoseBadRecordsWentToTheErrorTopicOnceAllAreAcknowledged() {
        // given
        Path file = fixture().publish("a.jsonl", "{}\nnot json\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FORMAT_CONFIG, "json",
                FileSourceConfig.CLEANUP_CONFIG, "delete", FileSourceConfig.ERRORS_POLICY_CONFIG, "topic",
                FileSourceConfig.ERRORS_TOPIC_CONFIG, "errors"));
        List<SourceRecord> records = pollUntil(task, 2);

        // when
        acknowledge(task, records);
        awaitPolled(task, () -> !Files.exists(file));

        // then
        assertThat(records).extracting(SourceRecord::topic).containsExactly("lines", "errors");
    }
}
