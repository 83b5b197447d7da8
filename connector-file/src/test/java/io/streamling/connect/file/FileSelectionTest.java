package io.streamling.connect.file;

import static io.streamling.connect.file.TaskFixture.T0;
import static io.streamling.connect.file.TaskFixture.assertNoMoreRecords;
import static io.streamling.connect.file.TaskFixture.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are read, in which order, how many per poll; the bounded state; metrics. */
class FileSelectionTest {

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
    void shouldNotReadAFileBeforeItReachesTheMinimumAge() throws Exception {
        // given: a file still being written (recently modified, not moved in atomically)
        FileSourceTask task = fixture().start(Map.of(FileSourceConfig.FILE_MIN_AGE_MS_CONFIG, "60000"));
        Path file = dir.resolve("growing.txt");
        Files.writeString(file, "partial line 1\n");

        // when
        assertNoMoreRecords(task);
        Files.writeString(file, "partial line 1\nline 2\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 61_000)); // writer done

        // then: read once, complete
        assertThat(pollUntil(task, 2)).extracting(SourceRecord::value).containsExactly("partial line 1", "line 2");
    }

    @Test
    void shouldIgnoreFilesOlderThanTheMaximumAgeRelativeToTheNewestFile() throws Exception {
        // given
        fixture().publish("old.txt", "old\n", T0);
        fixture().publish("new.txt", "new\n", T0 + 10_000);
        FileSourceTask task = fixture().startProcessing(Map.of(FileSourceConfig.FILE_MAX_AGE_MS_CONFIG, "5000"));

        // when
        List<SourceRecord> records = pollUntil(task, 1);

        // then
        assertThat(records).extracting(SourceRecord::value).containsExactly("new");
        assertNoMoreRecords(task);
    }

    @Test
    void shouldForgetFilesOnceTheyAreOlderThanTheMaximumAgeSoTheStateStaysBounded() {
        // given
        SeenFiles seen = new SeenFiles(1000);
        for (int i = 0; i < 100; i++) {
            seen.observe(T0 + i * 100L);
            seen.remember(dir.resolve("f" + i), new SeenFiles.Seen(null, 1, T0 + i * 100L));
        }
        Set<Path> present = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            present.add(dir.resolve("f" + i));
        }

        // when
        seen.retain(present);

        // then: only the files within 1 s of the newest are remembered; older ones are ignored by listings
        assertThat(seen.size()).isEqualTo(11);
        assertThat(seen.tooOld(T0)).isTrue();
        assertThat(seen.tooOld(T0 + 9_000)).isFalse();
    }

    @Test
    void shouldReadInTheConfiguredOrder() {
        // given: sizes and names in the opposite order of modification times
        fixture().publish("c.txt", "c\n", T0);
        fixture().publish("b.txt", "bb\n", T0 + 1);
        fixture().publish("a.txt", "aaa\n", T0 + 2);

        // when / then
        assertThat(pollUntil(fixture().startProcessing(Map.of()), 3)).extracting(SourceRecord::value)
                .containsExactly("c", "bb", "aaa");
        assertThat(pollUntil(fixture().startProcessing(Map.of(FileSourceConfig.FILE_ORDER_CONFIG, "name")), 3))
                .extracting(SourceRecord::value).containsExactly("aaa", "bb", "c");
        assertThat(pollUntil(fixture().startProcessing(Map.of(FileSourceConfig.FILE_ORDER_CONFIG, "size",
                FileSourceConfig.FILE_LATEST_FIRST_CONFIG, "true")), 3))
                .extracting(SourceRecord::value).containsExactly("aaa", "bb", "c");
        assertThat(pollUntil(fixture().startProcessing(Map.of(FileSourceConfig.FILE_LATEST_FIRST_CONFIG, "true")), 3))
                .extracting(SourceRecord::value).containsExactly("aaa", "bb", "c");
    }

    @Test
    void shouldReadSubdirectoriesOnlyWhenRecursiveSkippingHiddenOnes() throws Exception {
        // given
        fixture().publish("top.txt", "top\n", T0);
        fixture().publish("sub/deeper/nested.txt", "nested\n", T0 + 1);
        fixture().publish(".hidden/secret.txt", "secret\n", T0 + 2);

        // when
        FileSourceTask flat = fixture().startProcessing(Map.of());
        FileSourceTask recursive = fixture().startProcessing(Map.of(FileSourceConfig.FILE_RECURSIVE_CONFIG, "true"));

        // then
        assertThat(pollUntil(flat, 1)).extracting(SourceRecord::value).containsExactly("top");
        assertNoMoreRecords(flat);
        assertThat(pollUntil(recursive, 2)).extracting(SourceRecord::value).containsExactly("top", "nested");
        assertNoMoreRecords(recursive);
    }

    @Test
    void shouldReadOnlyFilesMatchingAGlob() throws Exception {
        // given
        fixture().publish("a.csv", "top\n", T0);
        fixture().publish("x/b.csv", "one level\n", T0 + 1);
        fixture().publish("x/y/c.csv", "two levels\n", T0 + 2);
        fixture().publish("x/d.txt", "not csv\n", T0 + 3);

        // when
        FileSourceTask oneLevel = fixture().startProcessing(Map.of(FileSourceConfig.FILE_PATH_CONFIG, dir + "/*/*.csv"));
        FileSourceTask anyDepth = fixture().startProcessing(Map.of(FileSourceConfig.FILE_PATH_CONFIG, dir + "/**/*.csv"));

        // then
        assertThat(pollUntil(oneLevel, 1)).extracting(SourceRecord::value).containsExactly("one level");
        assertNoMoreRecords(oneLevel);
        assertThat(pollUntil(anyDepth, 2)).extracting(SourceRecord::value).containsExactly("one level", "two levels");
    }

    @Test
    void shouldLimitFilesAndBytesPerPoll() throws Exception {
        // given
        fixture().publish("a.txt", "aaaaa\n", T0);
        fixture().publish("b.txt", "bbbbb\n", T0 + 1);
        fixture().publish("c.txt", "ccccc\nddddd\n", T0 + 2);
        FileSourceTask byFiles = fixture().startProcessing(Map.of(FileSourceConfig.POLL_MAX_FILES_CONFIG, "2"));
        FileSourceTask byBytes = fixture().startProcessing(Map.of(FileSourceConfig.POLL_MAX_BYTES_CONFIG, "10"));

        // when
        List<SourceRecord> twoFiles = byFiles.poll();
        List<SourceRecord> tenBytes = byBytes.poll();

        // then
        assertThat(twoFiles).extracting(SourceRecord::value).containsExactly("aaaaa", "bbbbb");
        assertThat(tenBytes).extracting(SourceRecord::value).containsExactly("aaaaa", "bbbbb");
        assertThat(pollUntil(byFiles, 2)).extracting(SourceRecord::value).containsExactly("ccccc", "ddddd");
    }

    @Test
    void shouldAfterARestartReadAFileThatArrivedDuringTheEarlierRunButHadNothingCommitted() throws Exception {
        // given: a first run (file.existing=ignore) ignored old.txt, read a.txt and committed it
        fixture().publish("old.txt", "before the first start\n", T0);
        FileSourceTask first = fixture().start(Map.of());
        fixture().publish("a.txt", "a\n", System.currentTimeMillis());
        SourceRecord fromA = pollUntil(first, 1).get(0);
        first.stop();
        // b.txt arrived after the first start, but the run stopped before any of its records was committed
        fixture().publish("b.txt", "b\n", System.currentTimeMillis());
        FakeSourceTaskContext context = new FakeSourceTaskContext(Map.of())
                .commit(fromA.sourcePartition(), fromA.sourceOffset());

        // when
        FileSourceTask second = fixture().start(Map.of(), context);

        // then
        assertThat(pollUntil(second, 1)).extracting(SourceRecord::value).containsExactly("b");
        assertNoMoreRecords(second);
    }

    @Test
    void shouldPublishPerFileStatusAndProgressInJmx() throws Exception {
        // given
        Path file = fixture().publish("a.txt", "1\n2\n", T0);
        FileSourceTask task = fixture().startProcessing(Map.of("name", "jmx-test"));
        ObjectName name = new ObjectName("io.streamling.connect.file:type=FileSourceTask,connector=\"jmx-test\"");
        var server = ManagementFactory.getPlatformMBeanServer();
        assertThat(server.getAttribute(name, "FilesPending")).isEqualTo(1L);

        // when
        pollUntil(task, 2);

        // then
        assertThat(server.getAttribute(name, "FilesDone")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "RecordsPolled")).isEqualTo(2L);
        assertThat(server.getAttribute(name, "BytesRead")).isEqualTo(4L);
        assertThat(task.metrics().getFileStatuses()).containsEntry(file.toString(), "DONE");
        task.stop();
        assertThat(server.isRegistered(name)).isFalse();
    }
}
