package io.streamling.connect.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.connect.source.SourceRecord;

/** Runs {@link FileSourceTask}s on a directory in unit tests, without a worker. */
final class TaskFixture implements AutoCloseable {

    static final String TOPIC = "lines";
    static final long T0 = 1_700_000_000_000L;

    private final Path dir;
    private final List<FileSourceTask> tasks = new ArrayList<>();

    TaskFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(FileSourceConfig.TOPIC_CONFIG, TOPIC);
        props.put(FileSourceConfig.FILE_PATH_CONFIG, dir.toString());
        props.put(FileSourceConfig.POLL_INTERVAL_MS_CONFIG, "20");
        props.putAll(overrides);
        return props;
    }

    FileSourceTask start(Map<String, String> overrides) {
        return start(overrides, new FakeSourceTaskContext(Map.of()));
    }

    FileSourceTask start(Map<String, String> overrides, FakeSourceTaskContext context) {
        FileSourceTask task = new FileSourceTask();
        task.initialize(context);
        task.start(props(overrides));
        tasks.add(task);
        return task;
    }

    /** Starts a task that reads the files already present. */
    FileSourceTask startProcessing(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(overrides);
        props.put(FileSourceConfig.FILE_EXISTING_CONFIG, "process");
        return start(props);
    }

    @Override
    public void close() {
        tasks.forEach(FileSourceTask::stop);
    }

    /** Polls until exactly {@code count} records arrived (fails if more come in the same poll). */
    static List<SourceRecord> pollUntil(FileSourceTask task, int count) {
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
    static void assertNoMoreRecords(FileSourceTask task) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(task.poll()).isNull();
        }
    }

    /** Tells the task Kafka acknowledged these records, as the worker does after the producer's ack. */
    static void acknowledge(FileSourceTask task, List<SourceRecord> records) {
        records.forEach(record -> task.commitRecord(record, null));
    }

    /** Makes a complete file appear atomically (written under a dot-name, then renamed), as writers should. */
    Path publish(String name, String content, long modifiedMillis) {
        return publish(name, content.getBytes(UTF_8), modifiedMillis);
    }

    Path publish(String name, byte[] content, long modifiedMillis) {
        try {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.write(temp, content);
            Files.setLastModifiedTime(temp, FileTime.fromMillis(modifiedMillis));
            return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String path(SourceRecord record) {
        return (String) record.sourcePartition().get(FileSourceTask.PARTITION_PATH_KEY);
    }

    static long position(SourceRecord record) {
        return ((Number) record.sourceOffset().get(FileSourceTask.OFFSET_POSITION_KEY)).longValue();
    }

    static String header(SourceRecord record, String name) {
        var header = record.headers().lastWithName(name);
        return header == null ? null : String.valueOf(header.value());
    }
}
