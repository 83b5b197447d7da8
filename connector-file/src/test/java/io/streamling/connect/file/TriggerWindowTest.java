package io.streamling.connect.file;

import static io.streamling.connect.file.TaskFixture.assertNoMoreRecords;
import static io.streamling.connect.file.TaskFixture.path;
import static io.streamling.connect.file.TaskFixture.pollUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark trigger emulation: per-interval file limits and one timestamp per file. */
class TriggerWindowTest {

    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    private TaskFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldAdmitTheFirstFileOfAnIntervalThenFilesWhileTheirTotalSizeFits() {
        // given: at most 10 bytes per interval of 1 s
        TriggerWindow window = new TriggerWindow(1_000, 0, 10);

        // when / then
        assertThat(window.admits(5_000, 50)).as("the first file, whatever its size").isTrue();
        window.opened(50);
        assertThat(window.admits(5_100, 1)).as("past the limit").isFalse();
        assertThat(window.admits(6_000, 4)).as("a new interval").isTrue();
        window.opened(4);
        assertThat(window.admits(6_500, 6)).as("4 + 6 fits in 10").isTrue();
        window.opened(6);
        assertThat(window.admits(6_600, 1)).isFalse();
    }

    @Test
    void shouldStartAtMostMaxFilesPerIntervalAndStampEachFilesRecordsWithOneTime() throws Exception {
        // given: three files; an interval of a day, so the test stays in one
        fixture = new TaskFixture(dir);
        Path a = fixture.publish("a.txt", "a1\na2\n", TaskFixture.T0);
        Path b = fixture.publish("b.txt", "b1\n", TaskFixture.T0 + 1_000);
        fixture.publish("c.txt", "c1\n", TaskFixture.T0 + 2_000);
        FileSourceTask task = fixture.start(Map.of(FileSourceConfig.FILE_EXISTING_CONFIG, "process",
                FileSourceConfig.TRIGGER_INTERVAL_MS_CONFIG, Long.toString(DAY),
                FileSourceConfig.TRIGGER_MAX_FILES_CONFIG, "2"));

        // when
        List<SourceRecord> records = pollUntil(task, 3);

        // then: the third file waits for the next interval
        assertThat(records).extracting(SourceRecord::value).containsExactly("a1", "a2", "b1");
        assertThat(records.get(0).timestamp()).isEqualTo(records.get(1).timestamp());
        assertThat(List.of(path(records.get(0)), path(records.get(2)))).containsExactly(a.toString(), b.toString());
        assertNoMoreRecords(task);
    }
}
