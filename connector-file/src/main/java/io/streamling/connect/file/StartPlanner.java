package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at task start, from the committed offsets, what happens to each file already in the
 * directory: resumed at its committed byte position, done (not read again), read from the start,
 * or ignored ({@code file.existing=ignore}).
 */
final class StartPlanner {

    private static final Logger log = LoggerFactory.getLogger(StartPlanner.class);

    /**
     * The outcome.
     *
     * @param toRead     files to read or resume, with their start positions
     * @param done       files whose committed offset says they were read completely (so their
     *                   records were acknowledged: ready for cleanup)
     * @param watchStart when the connector first watched the directory (from the offsets), or now
     * @param failed     how many files an earlier run gave up on (reported to the error topic)
     * @param ignored    how many existing files are ignored
     */
    record Plan(List<FileQueue.Pending> toRead, List<SourceFile> done, long watchStart, int failed, int ignored) {
    }

    private final OffsetStorageReader offsets;
    private final RecordReaders readers;
    private final SeenFiles seen;

    /**
     * @param offsets the task's offset reader (may be null in tests without a context)
     * @param readers tells which files are compressed
     * @param seen    remembers done and ignored files
     */
    StartPlanner(OffsetStorageReader offsets, RecordReaders readers, SeenFiles seen) {
        this.offsets = offsets;
        this.readers = readers;
        this.seen = seen;
    }

    /**
     * Plans the files present at start.
     *
     * @param files           the listing at start
     * @param processExisting the {@code file.existing=process} setting
     * @param now             the current time
     * @return the plan
     */
    Plan plan(List<SourceFile> files, boolean processExisting, long now) {
        Map<Map<String, String>, SourceFile> byPartition = new LinkedHashMap<>();
        Map<SourceFile, FileFingerprint> fingerprints = new HashMap<>();
        List<SourceFile> unreadable = new ArrayList<>();
        for (SourceFile file : files) {
            seen.observe(file.modified());
            try {
                FileFingerprint fingerprint = FileFingerprint.of(file.path());
                if (fingerprint.length() > 0) {
                    fingerprints.put(file, fingerprint);
                    byPartition.put(FileOffsets.partition(file.path(), fingerprint.hex()), file);
                }
            } catch (NoSuchFileException e) {
                log.debug("{} disappeared while starting", file.path());
            } catch (IOException e) {
                unreadable.add(file); // the read path applies errors.policy to it
            }
        }
        Map<Map<String, String>, FileOffsets.Offset> committed = committed(byPartition);
        Long since = committed.values().stream().map(FileOffsets.Offset::since)
                .filter(s -> s != null).max(Long::compare).orElse(null);
        long watchStart = since != null ? since : now;

        List<FileQueue.Pending> toRead = new ArrayList<>();
        List<SourceFile> done = new ArrayList<>();
        int failed = 0;
        int ignored = 0;
        for (Map.Entry<Map<String, String>, SourceFile> entry : byPartition.entrySet()) {
            SourceFile file = entry.getValue();
            FileFingerprint fingerprint = fingerprints.get(file);
            FileOffsets.Offset offset = committed.get(entry.getKey());
            if (offset != null && offset.complete()) {
                // given up on by an earlier run (errors.policy=topic): left alone, never cleaned up
                seen.remember(file.path(), new SeenFiles.Seen(fingerprint, file.size(), file.modified()));
                failed++;
            } else if (offset != null && !readers.compressed(file.path()) && offset.position() >= file.size()) {
                seen.remember(file.path(), new SeenFiles.Seen(fingerprint, file.size(), file.modified()));
                done.add(file);
            } else if (offset != null) {
                log.info("Resuming {} at byte {} (line {})", file.path(), offset.position(), offset.line());
                toRead.add(new FileQueue.Pending(file, fingerprint, offset.position(), offset.line()));
            } else if (isNew(file, processExisting, since)) {
                toRead.add(new FileQueue.Pending(file, fingerprint, 0, 0));
            } else {
                seen.remember(file.path(), new SeenFiles.Seen(fingerprint, file.size(), file.modified()));
                ignored++;
            }
        }
        for (SourceFile file : unreadable) {
            if (isNew(file, processExisting, since)) {
                toRead.add(new FileQueue.Pending(file, null, 0, 0));
            } else {
                seen.remember(file.path(), new SeenFiles.Seen(null, file.size(), file.modified()));
                ignored++;
            }
        }
        return new Plan(toRead, done, watchStart, failed, ignored);
    }

    /**
     * A file without committed offset is read when existing files are processed, or when it was
     * modified after the connector first started watching (it arrived during an earlier run that
     * stopped before committing any of its records).
     */
    private boolean isNew(SourceFile file, boolean processExisting, Long since) {
        if (processExisting) {
            return !seen.tooOld(file.modified());
        }
        return since != null && file.modified() >= since;
    }

    private Map<Map<String, String>, FileOffsets.Offset> committed(Map<Map<String, String>, SourceFile> byPartition) {
        if (offsets == null || byPartition.isEmpty()) {
            return Map.of();
        }
        Map<Map<String, String>, Map<String, Object>> stored = offsets.offsets(byPartition.keySet());
        Map<Map<String, String>, FileOffsets.Offset> parsed = new HashMap<>();
        if (stored == null) {
            return parsed;
        }
        stored.forEach((partition, offset) -> {
            if (offset == null) {
                return;
            }
            try {
                parsed.put(partition, FileOffsets.parse(offset));
            } catch (ConnectException e) {
                log.warn("Ignoring the committed offset of {}: {}", byPartition.get(partition).path(), e.getMessage());
            }
        });
        return parsed;
    }
}
