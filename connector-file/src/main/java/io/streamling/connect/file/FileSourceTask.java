package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamling.connect.file.AckTracker.Outcome;
import io.streamling.connect.file.FileSourceConfig.CleanupPolicy;
import io.streamling.connect.file.FileSourceConfig.ErrorPolicy;
import io.streamling.connect.file.FileSourceMetrics.FileStatus;

/**
 * The file source task: watches a directory and publishes the records of each eligible file.
 *
 * <ul>
 *   <li><b>Finding files.</b> The directory (or glob) is listed every {@code poll.interval.ms};
 *       eligible files are regular, non-empty, match {@code file.name.pattern}, are at least
 *       {@code file.min.age.ms} old and at most {@code file.max.age.ms} older than the newest file
 *       seen. They are read one at a time in {@code file.order}.</li>
 *   <li><b>Reading.</b> Streaming, in the configured {@code format}; a file is read once, up to its
 *       end when it is read (Spark's {@code textFileStream} semantics: files should appear complete).</li>
 *   <li><b>Offsets.</b> Source partition: {@value #PARTITION_PATH_KEY} (absolute path) and
 *       {@value #PARTITION_FINGERPRINT_KEY} (hex SHA-256 of the first up to 1024 bytes), so a new
 *       file under a reused name is a new partition. Source offset: {@value #OFFSET_POSITION_KEY},
 *       the byte position just after the record, plus {@value #OFFSET_LINE_KEY},
 *       {@value #OFFSET_SINCE_KEY} and (on error records) {@value #OFFSET_COMPLETE_KEY}. A task
 *       resumes each file at exactly the next record; with exactly-once support enabled on the
 *       worker, records and offsets commit together, so nothing is lost or duplicated.</li>
 *   <li><b>Cleanup.</b> A file is deleted, archived or moved to the error directory only once it
 *       was read to its end and Kafka acknowledged every record published from it
 *       ({@link #commitRecord}).</li>
 * </ul>
 *
 * <p>{@link #poll()} returns as soon as it has records (bounded by {@code poll.max.records},
 * {@code poll.max.files} and {@code poll.max.bytes}) and otherwise waits at most one poll interval,
 * returning {@code null}; {@link #stop()} wakes it up.
 */
public class FileSourceTask extends SourceTask {

    /** Source partition key: the file's absolute path. */
    public static final String PARTITION_PATH_KEY = "path";
    /** Source partition key: hex SHA-256 of the file's first bytes (up to 1024). */
    public static final String PARTITION_FINGERPRINT_KEY = "fingerprint";
    /** Source offset key: the byte position just after the record (and its line terminator). */
    public static final String OFFSET_POSITION_KEY = "position";
    /** Source offset key: lines (text formats) or records (fixed) up to {@value #OFFSET_POSITION_KEY}. */
    public static final String OFFSET_LINE_KEY = "line";
    /** Source offset key: epoch milliseconds when this connector first watched the directory. */
    public static final String OFFSET_SINCE_KEY = "since";
    /** Source offset key: {@code true} when the file is not to be read any further (given up on). */
    public static final String OFFSET_COMPLETE_KEY = "complete";

    private static final Logger log = LoggerFactory.getLogger(FileSourceTask.class);
    /** Batches are presized up to this many records; a larger poll.max.records grows the list as needed. */
    private static final int MAX_PRESIZED_BATCH = 65_536;

    private final Object lock = new Object();
    private volatile boolean stopping;
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile FileSourceMetrics metrics = new FileSourceMetrics();
    private volatile AckTracker acks;

    private FileSourceConfig config;
    private DirectoryScanner scanner;
    private SeenFiles seen;
    private FileQueue queue;
    private RecordReaders readers;
    private RecordFactory factory;
    private FileMover mover;
    private ErrorPolicy errorPolicy;
    private OpenFile current;
    private ConnectException pendingFailure;
    private long nextListingAt;
    // read once: AbstractConfig getters record each use in a synchronized set, too slow per record
    private int maxRecords;
    private long maxBytes;
    private int maxFiles;
    private long pollIntervalMs;
    private TriggerWindow trigger;

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
     * @throws ConnectException if the directory cannot be listed
     */
    @Override
    public void start(Map<String, String> props) {
        FileSourceConfig parsed = new FileSourceConfig(props);
        synchronized (lock) {
            config = parsed;
            stopping = false;
            stopSignal = new CountDownLatch(1);
            current = null;
            pendingFailure = null;
            metrics = new FileSourceMetrics();
            seen = new SeenFiles(config.maxAgeMs());
            queue = new FileQueue(config.order(), config.latestFirst(), seen, config.minAgeMs());
            readers = new RecordReaders(config, metrics);
            errorPolicy = config.errorPolicy();
            maxRecords = config.pollMaxRecords();
            maxBytes = config.pollMaxBytes();
            maxFiles = config.pollMaxFiles();
            pollIntervalMs = config.pollIntervalMs();
            trigger = new TriggerWindow(config.triggerIntervalMs(), config.triggerMaxFiles(), config.triggerMaxBytes());
            mover = new FileMover(config.cleanupPolicy(),
                    config.cleanupPolicy() == CleanupPolicy.ARCHIVE ? config.archivePath() : null,
                    errorPolicy == ErrorPolicy.MOVE ? config.errorsPath() : null);
            acks = mover.active() ? new AckTracker() : null;
            scanner = new DirectoryScanner(config.location(), config.recursive(), config.fileNamePattern(),
                    targetDirectories());
            planStart();
            metrics.awaitingAcknowledgement(() -> acks == null ? 0 : acks.awaiting());
            metrics.register(config.connectorName());
            nextListingAt = System.currentTimeMillis() + pollIntervalMs;
        }
    }

    /** The archive and error directories: created now, and never listed. */
    private Set<Path> targetDirectories() {
        Set<Path> targets = new HashSet<>();
        if (config.cleanupPolicy() == CleanupPolicy.ARCHIVE) {
            targets.add(config.archivePath());
        }
        if (errorPolicy == ErrorPolicy.MOVE) {
            targets.add(config.errorsPath());
        }
        for (Path target : targets) {
            try {
                Files.createDirectories(target);
            } catch (IOException e) {
                throw new ConnectException("Cannot create directory " + target + ": " + e, e);
            }
        }
        return targets;
    }

    private void planStart() {
        List<SourceFile> files;
        try {
            files = scanner.list();
        } catch (IOException e) {
            throw new ConnectException("Cannot list directory " + scanner.directory() + " ("
                    + FileSourceConfig.FILE_PATH_CONFIG + "): " + e, e);
        }
        OffsetStorageReader offsets = context == null ? null : context.offsetStorageReader();
        StartPlanner.Plan plan = new StartPlanner(offsets, readers, seen)
                .plan(files, config.processExistingFiles(), System.currentTimeMillis());
        factory = new RecordFactory(config, plan.watchStart());
        for (FileQueue.Pending file : plan.toRead()) {
            queue.add(file);
            metrics.status(file.path(), FileStatus.PENDING);
        }
        int cleaned = 0;
        for (SourceFile done : plan.done()) {
            // its offset is at its end, so a previous run had all its records acknowledged
            if (mover.cleanUp(done)) {
                metrics.status(done.path(), FileStatus.CLEANED_UP);
                seen.forget(done.path());
                cleaned++;
            }
        }
        metrics.ignored(plan.ignored());
        metrics.backlog(queue.size(), queue.bytes());
        log.info("Watching {}{} -> topic '{}' ({}, {}={}): {} files to read or resume, {} already done ({} cleaned"
                        + " up now), {} given up on earlier, {} existing ignored", scanner.directory(),
                config.location().glob().map(g -> "/" + g).orElse(""), config.topic(), config.format().value(),
                FileSourceConfig.FILE_EXISTING_CONFIG, config.processExistingFiles()
                        ? FileSourceConfig.FILE_EXISTING_PROCESS : FileSourceConfig.FILE_EXISTING_IGNORE,
                plan.toRead().size(), plan.done().size(), cleaned, plan.failed(), plan.ignored());
    }

    /**
     * Returns the next records: as many as the poll limits allow, possibly from several files.
     * When there is nothing to read it waits until the next directory listing (at most one poll
     * interval) or until {@link #stop()}.
     *
     * @return records, or {@code null} when there is nothing to publish yet
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws ConnectException if a file cannot be read or a record is bad under {@code errors.policy=fail},
     *     or a record is too long under {@code line.too.long=fail}
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
     * Counts a record Kafka acknowledged; a file whose records are all acknowledged is cleaned up
     * on the next {@link #poll()}. Called from the producer's thread, or after the transaction
     * committed when exactly-once support is enabled.
     *
     * @param record   the record as returned by {@link #poll()}
     * @param metadata where Kafka stored it (null when a transformation dropped it)
     */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        metrics.acknowledged();
        AckTracker tracker = acks;
        if (tracker != null) {
            tracker.acknowledged(record.sourcePartition());
        }
    }

    /**
     * Stops the task: wakes a waiting {@link #poll()}, closes the open file and unregisters the
     * metrics. May be called from another thread than {@code poll()}.
     */
    @Override
    public void stop() {
        stopping = true;
        stopSignal.countDown();
        synchronized (lock) {
            if (current != null) {
                current.close();
                current = null;
            }
            metrics.unregister();
        }
    }

    /** The metrics of this task (registered in JMX while it runs). */
    FileSourceMetrics metrics() {
        return metrics;
    }

    private List<SourceRecord> pollOnce() {
        synchronized (lock) {
            if (stopping) {
                return null;
            }
            if (pendingFailure != null) {
                throw pendingFailure; // the records read before it were returned by the previous poll
            }
            cleanUpAcknowledged();
            listIfDue();
            List<SourceRecord> records = readBatch();
            long currentLeft = current == null ? 0 : Math.max(0, current.file().size() - current.position());
            metrics.backlog(queue.size() + (current == null ? 0 : 1), queue.bytes() + currentLeft);
            return records.isEmpty() ? null : records;
        }
    }

    private void listIfDue() {
        long now = System.currentTimeMillis();
        if (now < nextListingAt) {
            return;
        }
        nextListingAt = now + pollIntervalMs;
        try {
            List<SourceFile> added = queue.offer(scanner.list(), now, current == null ? null : current.file().path());
            added.forEach(file -> metrics.status(file.path(), FileStatus.PENDING));
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", scanner.directory(), e.toString());
        }
    }

    /** Reads records until a poll limit is reached, the files run out, or a failure is pending. */
    private List<SourceRecord> readBatch() {
        // sized for a full poll up front: growing a list of thousands of records showed in the profile
        List<SourceRecord> batch = new ArrayList<>(Math.min(maxRecords, MAX_PRESIZED_BATCH));
        long bytes = 0;
        int files = current == null ? 0 : 1;
        while (batch.size() < maxRecords && bytes < maxBytes && !stopping && pendingFailure == null) {
            if (current == null) {
                FileQueue.Pending next = queue.peek();
                long now = System.currentTimeMillis();
                if (files >= maxFiles || (next != null && !trigger.admits(now, next.file().size()))
                        || !openNextFile(batch)) {
                    break;
                }
                trigger.opened(current.file().size());
                files++;
            }
            bytes += readOne(batch);
        }
        if (current != null) {
            current.reportSent(acks);
        }
        metrics.polled(batch.size(), bytes);
        if (pendingFailure != null && batch.isEmpty()) {
            throw pendingFailure;
        }
        return batch;
    }

    /** Reads one record of the current file (or its end); returns the bytes consumed. */
    private long readOne(List<SourceRecord> batch) {
        OpenFile file = current;
        long before = file.position();
        try {
            FileRecord record = file.reader().next();
            if (record == null) {
                finish(Outcome.DONE);
                return 0;
            }
            boolean publish = record.value() != null; // null: skipped as too long
            file.advance(record.end(), record.lastLine(), publish);
            if (publish) {
                batch.add(factory.record(file, record));
            }
            return record.end() - before;
        } catch (MalformedRecordException e) {
            onMalformed(e, batch);
            return e.end() - before;
        } catch (NoSuchFileException e) {
            vanished();
            return 0;
        } catch (IOException e) {
            onUnreadable(e, batch);
            return 0;
        } catch (ConnectException e) {
            fail(e.getMessage(), e); // a long record under line.too.long=fail
            return 0;
        }
    }

    /** Opens the next pending file that still exists; returns false when none could be opened. */
    private boolean openNextFile(List<SourceRecord> batch) {
        for (FileQueue.Pending next = queue.poll(); next != null && pendingFailure == null; next = queue.poll()) {
            FileFingerprint fingerprint = next.fingerprint();
            try {
                if (fingerprint == null) {
                    fingerprint = FileFingerprint.of(next.path());
                }
                if (fingerprint.length() == 0) {
                    continue; // emptied since listed: read it when it has content
                }
            } catch (NoSuchFileException e) {
                log.warn("{} disappeared before it could be read", next.path());
                continue;
            } catch (IOException e) {
                begin(new OpenFile(next.file(), null, next.position(), next.line()));
                onUnreadable(e, batch);
                continue;
            }
            begin(new OpenFile(next.file(), fingerprint, next.position(), next.line()));
            try {
                current.reader(readers.open(next.path(), next.position(), next.line()));
                return true;
            } catch (NoSuchFileException e) {
                vanished();
            } catch (IOException e) {
                onUnreadable(e, batch);
            }
        }
        return false;
    }

    private void begin(OpenFile file) {
        current = file;
        if (acks != null) {
            file.counts(acks.track(file.partition(), file.file()));
        }
        metrics.status(file.file().path(), FileStatus.IN_PROGRESS);
        log.debug("Reading {} from byte {}", file.file().path(), file.startPosition());
    }

    private void onMalformed(MalformedRecordException e, List<SourceRecord> batch) {
        metrics.recordMalformed();
        String where = current.file().path() + " at byte " + e.start() + " (line " + e.line() + ")";
        switch (errorPolicy) {
            case TOPIC -> {
                log.warn("Malformed record in {}: {}; sent to {} ({}=topic)", where, e.getMessage(),
                        config.errorsTopic(), FileSourceConfig.ERRORS_POLICY_CONFIG);
                current.advance(e.end(), e.lastLine(), true);
                batch.add(factory.malformed(current, e));
            }
            case MOVE -> {
                log.warn("Malformed record in {}: {}; the file goes to the error directory once its {} records"
                        + " published so far are acknowledged ({}=move)", where, e.getMessage(), current.records(),
                        FileSourceConfig.ERRORS_POLICY_CONFIG);
                finish(Outcome.FAILED);
            }
            default -> fail("Malformed record in " + where + ": " + e.getMessage() + " ("
                    + FileSourceConfig.ERRORS_POLICY_CONFIG + "=fail)", null);
        }
    }

    private void onUnreadable(IOException e, List<SourceRecord> batch) {
        String reason = "cannot read " + current.file().path() + " at byte " + current.position() + ": " + e;
        switch (errorPolicy) {
            case TOPIC -> {
                log.warn("Giving up on {}; reported to {} ({}=topic)", reason, config.errorsTopic(),
                        FileSourceConfig.ERRORS_POLICY_CONFIG);
                batch.add(factory.unreadable(current, e.toString()));
                current.advance(current.position(), current.lines(), true);
                finish(Outcome.FAILED);
            }
            case MOVE -> {
                log.warn("Giving up on {}; the file goes to the error directory ({}=move)", reason,
                        FileSourceConfig.ERRORS_POLICY_CONFIG);
                finish(Outcome.FAILED);
            }
            default -> fail("Cannot read file: " + reason + " (" + FileSourceConfig.ERRORS_POLICY_CONFIG + "=fail)", e);
        }
    }

    /**
     * Fails the task, after the records already read in this poll are returned (and so published
     * and committed: after a restart the file is resumed right at the bad record).
     */
    private void fail(String message, Throwable cause) {
        closeCurrent();
        pendingFailure = cause instanceof ConnectException connect && connect.getMessage().equals(message)
                ? connect : new ConnectException(message, cause);
        log.error(message);
    }

    private void vanished() {
        log.warn("{} disappeared while being read, after {} records", current.file().path(), current.records());
        current.reportSent(acks);
        if (acks != null) {
            acks.forget(current.partition());
        }
        metrics.status(current.file().path(), FileStatus.FAILED);
        closeCurrent();
    }

    private void finish(Outcome outcome) {
        OpenFile file = current;
        file.close();
        file.reportSent(acks);
        current = null;
        SourceFile stat = restat(file.file());
        seen.remember(stat.path(), new SeenFiles.Seen(file.fingerprint(), stat.size(), stat.modified()));
        if (outcome == Outcome.DONE) {
            metrics.status(stat.path(), FileStatus.DONE);
            log.info("Finished {}: {} records up to byte {}", stat.path(), file.records(), file.position());
        } else {
            metrics.status(stat.path(), FileStatus.FAILED);
        }
        if (acks != null) {
            acks.finished(file.partition(), file.counts(), outcome);
        }
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Deletes, archives or quarantines the files whose records Kafka has all acknowledged. */
    private void cleanUpAcknowledged() {
        if (acks == null) {
            return;
        }
        for (AckTracker.Ready ready : acks.drainReady()) {
            SourceFile file = ready.file();
            boolean moved = ready.outcome() == Outcome.DONE ? mover.cleanUp(file) : mover.quarantine(file);
            if (moved) {
                metrics.status(file.path(), FileStatus.CLEANED_UP);
                seen.forget(file.path());
                log.debug("Cleaned up {} after Kafka acknowledged its {} records", file.path(), ready.records());
            }
        }
    }

    /** The file's size and modification time now (appends while it was read are not read). */
    private static SourceFile restat(SourceFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return new SourceFile(file.path(), file.relative(), attributes.lastModifiedTime().toMillis(),
                    attributes.size());
        } catch (IOException e) {
            return file;
        }
    }
}
