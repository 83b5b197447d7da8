package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file source task: watches one directory and publishes each line of each eligible file as one
 * record.
 *
 * <ul>
 *   <li><b>Finding files.</b> The directory is listed every {@code poll.interval.ms} (not
 *       recursively). Eligible files are regular, non-empty, and their name matches
 *       {@code file.name.pattern} entirely; they are read one at a time, oldest modification time
 *       first, then by name.</li>
 *   <li><b>Reading.</b> Each file is read as UTF-8 text, streaming, line by line (invalid bytes are
 *       replaced with U+FFFD). A file is read once, up to its end at the time it is read: like
 *       Spark's {@code textFileStream}, files should appear complete (moved or renamed into the
 *       directory), and data appended to a file already read is not read.</li>
 *   <li><b>Records.</b> Value: the line as a string; key: none; timestamp: ingestion time. Source
 *       partition: {@value #PARTITION_PATH_KEY} (absolute path) and {@value #PARTITION_FINGERPRINT_KEY}
 *       (hex SHA-256 of the first up to 1024 bytes), so a new file under a reused name is a new
 *       partition. Source offset: {@value #OFFSET_POSITION_KEY}, the byte position just after the
 *       line.</li>
 *   <li><b>Resuming.</b> At start the committed offsets of the files in the directory are read: a
 *       file is resumed at exactly the next byte, and a file whose committed position is its size is
 *       done. Files without a committed offset are read or ignored as {@code file.existing} says.
 *       Files completed while running are remembered (while they stay in the directory) and not read
 *       again.</li>
 * </ul>
 *
 * <p>{@link #poll()} returns as soon as it has records (at most {@code poll.max.records}) and
 * otherwise waits at most one poll interval, returning {@code null}; {@link #stop()} wakes it up.
 */
public class FileSourceTask extends SourceTask {

    /** Source partition key: the file's absolute path. */
    public static final String PARTITION_PATH_KEY = "path";
    /** Source partition key: hex SHA-256 of the file's first bytes (up to 1024). */
    public static final String PARTITION_FINGERPRINT_KEY = "fingerprint";
    /** Source offset key: the byte position just after the record's line (and its terminator). */
    public static final String OFFSET_POSITION_KEY = "position";

    private static final Logger log = LoggerFactory.getLogger(FileSourceTask.class);

    /** Oldest modification time first, then by name. */
    private static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::modified)
            .thenComparing(c -> c.path().getFileName().toString())
            .thenComparing(Candidate::path);

    private final Object lock = new Object();
    private volatile boolean stopping;
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);

    private String topic;
    private Path directory;
    private Pattern namePattern;
    private long pollIntervalMs;
    private int maxRecords;

    /** Files read to their end or ignored at start, by path; bounded by the directory's content. */
    private final Map<Path, KnownFile> known = new HashMap<>();
    private final TreeSet<Candidate> pending = new TreeSet<>(ORDER);
    private final Set<Path> pendingPaths = new HashSet<>();
    private Candidate current;
    private Map<String, String> currentPartition;
    private LineReader reader;
    private long currentLines;
    private long nextListingAt;

    /**
     * Creates the task; Kafka Connect instantiates it reflectively.
     */
    public FileSourceTask() {
    }

    /**
     * Returns the version of this plugin.
     *
     * @return the project version the plugin was built from
     */
    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Validates the configuration, reads the committed offsets of the files in the directory and
     * decides, for each, whether to resume it, skip it as done, read it or ignore it.
     *
     * @param props the task configuration (the connector's)
     * @throws org.apache.kafka.common.config.ConfigException naming the key of an invalid value
     */
    @Override
    public void start(Map<String, String> props) {
        FileSourceConfig config = new FileSourceConfig(props);
        synchronized (lock) {
            topic = config.topic();
            directory = config.directory();
            namePattern = config.fileNamePattern();
            pollIntervalMs = config.pollIntervalMs();
            maxRecords = config.pollMaxRecords();
            known.clear();
            pending.clear();
            pendingPaths.clear();
            closeReader();
            stopSignal = new CountDownLatch(1);
            stopping = false;

            List<FileStat> files = listDirectory();
            if (files == null) {
                throw new ConnectException("Cannot list directory " + directory + " ("
                        + FileSourceConfig.FILE_PATH_CONFIG + ")");
            }
            planExistingFiles(files, config.processExistingFiles());
            nextListingAt = System.currentTimeMillis() + pollIntervalMs;
        }
    }

    /**
     * Returns the next lines as records: up to {@code poll.max.records}, possibly from several
     * files. When there is nothing to read it waits until the next directory listing (at most one
     * poll interval) or until {@link #stop()}.
     *
     * @return records, or {@code null} when there is nothing to publish yet
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws ConnectException if a file cannot be read
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = pollOnce();
        if (records != null || stopping) {
            return records;
        }
        long wait = nextListingAt - System.currentTimeMillis();
        if (wait > 0 && stopSignal.await(wait, TimeUnit.MILLISECONDS)) {
            return null; // stopped
        }
        return pollOnce();
    }

    /**
     * Stops the task: wakes a waiting {@link #poll()} and closes the open file. May be called from
     * another thread than {@code poll()}.
     */
    @Override
    public void stop() {
        stopping = true;
        stopSignal.countDown();
        synchronized (lock) {
            closeReader();
        }
    }

    private List<SourceRecord> pollOnce() {
        synchronized (lock) {
            if (stopping) {
                return null;
            }
            long now = System.currentTimeMillis();
            if (now >= nextListingAt) {
                List<FileStat> files = listDirectory();
                if (files != null) {
                    enqueueNewFiles(files);
                }
                nextListingAt = now + pollIntervalMs;
            }
            List<SourceRecord> records = new ArrayList<>();
            try {
                while (records.size() < maxRecords && !stopping) {
                    if (reader == null && !openNextFile()) {
                        break;
                    }
                    LineReader.Line line = reader.next();
                    if (line == null) {
                        completeCurrentFile();
                        continue;
                    }
                    currentLines++;
                    records.add(new SourceRecord(currentPartition,
                            Map.of(OFFSET_POSITION_KEY, line.endPosition()),
                            topic, null, null, null, Schema.STRING_SCHEMA, line.text(),
                            System.currentTimeMillis()));
                }
            } catch (IOException e) {
                Path failed = current == null ? null : current.path();
                closeReader();
                current = null;
                currentPartition = null;
                throw new ConnectException("Cannot read " + failed + ": " + e.getMessage(), e);
            }
            return records.isEmpty() ? null : records;
        }
    }

    /** Sorts the files present at start into resumed, done, to read and ignored. */
    private void planExistingFiles(List<FileStat> files, boolean processExisting) {
        Map<Map<String, Object>, Candidate> byPartition = new LinkedHashMap<>();
        for (FileStat file : files) {
            try {
                FileFingerprint fingerprint = FileFingerprint.of(file.path());
                if (fingerprint.length() == 0) {
                    continue; // emptied since listed
                }
                Candidate candidate = new Candidate(file.path(), file.modified(), file.size(), fingerprint, 0L);
                byPartition.put(new HashMap<>(partition(file.path(), fingerprint)), candidate);
            } catch (NoSuchFileException e) {
                log.debug("{} disappeared while starting", file.path());
            } catch (IOException e) {
                throw new ConnectException("Cannot read " + file.path() + ": " + e.getMessage(), e);
            }
        }
        Map<Map<String, Object>, Map<String, Object>> offsets = committedOffsets(byPartition.keySet());
        int resumed = 0;
        int done = 0;
        int toRead = 0;
        int ignored = 0;
        for (Map.Entry<Map<String, Object>, Candidate> entry : byPartition.entrySet()) {
            Candidate file = entry.getValue();
            Long position = position(offsets.get(entry.getKey()), file.path());
            if (position != null && position >= file.size()) {
                known.put(file.path(), KnownFile.of(file));
                done++;
            } else if (position != null) {
                addPending(file.withStartPosition(position));
                log.info("Resuming {} at byte {} of {}", file.path(), position, file.size());
                resumed++;
            } else if (processExisting) {
                addPending(file);
                toRead++;
            } else {
                known.put(file.path(), KnownFile.of(file));
                ignored++;
            }
        }
        log.info("Watching {} for files matching '{}' -> topic '{}': {} to resume, {} already done, {} existing to"
                        + " read, {} existing ignored ({}={})", directory, namePattern, topic, resumed, done, toRead,
                ignored, FileSourceConfig.FILE_EXISTING_CONFIG, processExisting
                        ? FileSourceConfig.FILE_EXISTING_PROCESS : FileSourceConfig.FILE_EXISTING_IGNORE);
    }

    private Map<Map<String, Object>, Map<String, Object>> committedOffsets(Collection<Map<String, Object>> partitions) {
        OffsetStorageReader offsetReader = context == null ? null : context.offsetStorageReader();
        if (offsetReader == null || partitions.isEmpty()) {
            return Map.of();
        }
        Map<Map<String, Object>, Map<String, Object>> offsets = offsetReader.offsets(partitions);
        return offsets == null ? Map.of() : offsets;
    }

    private static Long position(Map<String, Object> offset, Path file) {
        if (offset == null) {
            return null;
        }
        Object value = offset.get(OFFSET_POSITION_KEY);
        if (value instanceof Number number && number.longValue() >= 0) {
            return number.longValue();
        }
        log.warn("Ignoring committed offset {} of {}: no valid '{}'", offset, file, OFFSET_POSITION_KEY);
        return null;
    }

    /** Queues the files that are new since the last listing and forgets files no longer present. */
    private void enqueueNewFiles(List<FileStat> files) {
        Set<Path> present = new HashSet<>();
        for (FileStat file : files) {
            Path path = file.path();
            present.add(path);
            if (current != null && current.path().equals(path) || pendingPaths.contains(path)) {
                continue;
            }
            KnownFile seen = known.get(path);
            if (seen != null) {
                if (seen.size() == file.size() && seen.modified() == file.modified()) {
                    continue;
                }
                try {
                    if (file.size() >= seen.fingerprint().length() && seen.fingerprint().matchesStartOf(path)) {
                        log.debug("Not reading data appended to {} after it was read or ignored", path);
                        known.put(path, seen.withStat(file));
                        continue;
                    }
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    log.warn("Cannot check whether {} changed: {}", path, e.toString());
                    continue;
                }
                log.info("{} was replaced by a different file: reading it as a new file", path);
                known.remove(path);
            }
            addPending(new Candidate(path, file.modified(), file.size(), null, 0L));
        }
        known.keySet().retainAll(present);
    }

    /** Opens the oldest pending file that still exists; returns false when none is pending. */
    private boolean openNextFile() throws IOException {
        while (!pending.isEmpty()) {
            Candidate next = pending.pollFirst();
            pendingPaths.remove(next.path());
            try {
                FileFingerprint fingerprint = next.fingerprint() != null
                        ? next.fingerprint() : FileFingerprint.of(next.path());
                if (fingerprint.length() == 0) {
                    continue; // emptied since listed: read it when it has content
                }
                reader = new LineReader(next.path(), next.startPosition());
                current = next.withFingerprint(fingerprint);
                currentPartition = partition(next.path(), fingerprint);
                currentLines = 0;
                log.debug("Reading {} from byte {}", next.path(), next.startPosition());
                return true;
            } catch (NoSuchFileException e) {
                log.warn("{} disappeared before it could be read", next.path());
            }
        }
        return false;
    }

    private void completeCurrentFile() {
        long end = reader.position();
        closeReader();
        long modified = current.modified();
        try {
            modified = Files.getLastModifiedTime(current.path()).toMillis();
        } catch (IOException e) {
            log.debug("Cannot stat {} after reading it: {}", current.path(), e.toString());
        }
        known.put(current.path(), new KnownFile(current.fingerprint(), end, modified));
        log.info("Finished {}: {} lines, {} bytes", current.path(), currentLines, end);
        current = null;
        currentPartition = null;
    }

    private void addPending(Candidate candidate) {
        pending.add(candidate);
        pendingPaths.add(candidate.path());
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                log.debug("Error closing reader: {}", e.toString());
            }
            reader = null;
        }
        if (stopping) {
            current = null;
            currentPartition = null;
        }
    }

    /** Lists the eligible files, oldest first; null when the directory cannot be listed. */
    private List<FileStat> listDirectory() {
        List<FileStat> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                if (!namePattern.matcher(entry.getFileName().toString()).matches()) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // vanished, or a dangling link
                }
                if (attributes.isRegularFile() && attributes.size() > 0) {
                    files.add(new FileStat(entry.toAbsolutePath().normalize(),
                            attributes.lastModifiedTime().toMillis(), attributes.size()));
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", directory, e.toString());
            return null;
        }
        files.sort(Comparator.comparingLong(FileStat::modified)
                .thenComparing(f -> f.path().getFileName().toString()));
        return files;
    }

    private static Map<String, String> partition(Path path, FileFingerprint fingerprint) {
        return Map.of(PARTITION_PATH_KEY, path.toString(), PARTITION_FINGERPRINT_KEY, fingerprint.hex());
    }

    /** A regular file seen in a listing. */
    private record FileStat(Path path, long modified, long size) {
    }

    /** A file to read, from a byte position. */
    private record Candidate(Path path, long modified, long size, FileFingerprint fingerprint, long startPosition) {
        Candidate withStartPosition(long position) {
            return new Candidate(path, modified, size, fingerprint, position);
        }

        Candidate withFingerprint(FileFingerprint value) {
            return new Candidate(path, modified, size, value, startPosition);
        }
    }

    /** A file read to its end, or ignored at start: not read again unless replaced. */
    private record KnownFile(FileFingerprint fingerprint, long size, long modified) {
        static KnownFile of(Candidate file) {
            return new KnownFile(file.fingerprint(), file.size(), file.modified());
        }

        KnownFile withStat(FileStat stat) {
            return new KnownFile(fingerprint, stat.size(), stat.modified());
        }
    }
}
