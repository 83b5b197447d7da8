package io.streamling.connect.file;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters behind {@link FileSourceMetricsMXBean}, kept by one task and registered in the
 * platform MBean server. Counters are thread-safe: {@code commitRecord} updates them from the
 * producer's thread, JMX reads them from any thread.
 */
final class FileSourceMetrics implements FileSourceMetricsMXBean {

    /** JMX domain of the file source. */
    static final String DOMAIN = "io.streamling.connect.file";

    /** The status of one file. */
    enum FileStatus { PENDING, IN_PROGRESS, DONE, FAILED, CLEANED_UP }

    private static final Logger log = LoggerFactory.getLogger(FileSourceMetrics.class);
    private static final int STATUS_HISTORY = 1000;

    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong filesFailed = new AtomicLong();
    private final AtomicLong filesCleanedUp = new AtomicLong();
    private final AtomicLong filesIgnored = new AtomicLong();
    private final LongAdder recordsPolled = new LongAdder();
    private final LongAdder recordsAcknowledged = new LongAdder();
    private final AtomicLong recordsSkipped = new AtomicLong();
    private final AtomicLong recordsTruncated = new AtomicLong();
    private final AtomicLong recordsMalformed = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<String, String> statuses = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > STATUS_HISTORY;
        }
    };
    private volatile String currentFile = "";
    private volatile long pendingFiles;
    private volatile long pendingBytes;
    private volatile LongSupplier awaitingAcknowledgement = () -> 0;
    private ObjectName name;

    /**
     * Registers the metrics in the platform MBean server, under a name unique in this JVM.
     *
     * @param connector the connector name
     */
    void register(String connector) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            String base = DOMAIN + ":type=FileSourceTask,connector=" + ObjectName.quote(connector);
            ObjectName candidate = new ObjectName(base);
            for (int i = 1; server.isRegistered(candidate); i++) {
                candidate = new ObjectName(base + ",instance=" + i); // a second task of the same name in this JVM
            }
            server.registerMBean(this, candidate);
            name = candidate;
        } catch (JMException e) {
            log.warn("Cannot register file source metrics in JMX: {}", e.toString());
        }
    }

    /** Unregisters the metrics. */
    void unregister() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            log.debug("Cannot unregister {}: {}", name, e.toString());
        }
        name = null;
    }

    /** @return the JMX name, or null when not registered */
    ObjectName objectName() {
        return name;
    }

    /** Reads the number of files waiting for acknowledgements from a thread-safe source. */
    void awaitingAcknowledgement(LongSupplier files) {
        this.awaitingAcknowledgement = files;
    }

    /** Publishes the backlog; called by the task thread, which owns the queue. */
    void backlog(long files, long bytes) {
        this.pendingFiles = files;
        this.pendingBytes = bytes;
    }

    void status(Path file, FileStatus status) {
        synchronized (statuses) {
            statuses.remove(file.toString()); // re-inserted last: the map is ordered by latest change
            statuses.put(file.toString(), status.name());
        }
        switch (status) {
            case IN_PROGRESS -> currentFile = file.toString();
            case DONE -> {
                filesDone.incrementAndGet();
                currentFile = "";
            }
            case FAILED -> {
                filesFailed.incrementAndGet();
                currentFile = "";
            }
            case CLEANED_UP -> filesCleanedUp.incrementAndGet();
            default -> {
                // pending: counted by the queue gauge
            }
        }
    }

    void ignored(int files) {
        filesIgnored.addAndGet(files);
    }

    void polled(int records, long bytes) {
        recordsPolled.add(records);
        bytesRead.addAndGet(bytes);
    }

    void acknowledged() {
        recordsAcknowledged.increment();
    }

    void recordSkipped() {
        recordsSkipped.incrementAndGet();
    }

    void recordTruncated() {
        recordsTruncated.incrementAndGet();
    }

    void recordMalformed() {
        recordsMalformed.incrementAndGet();
    }

    @Override
    public long getFilesPending() {
        return pendingFiles;
    }

    @Override
    public long getFilesInProgress() {
        return currentFile.isEmpty() ? 0 : 1;
    }

    @Override
    public long getFilesDone() {
        return filesDone.get();
    }

    @Override
    public long getFilesFailed() {
        return filesFailed.get();
    }

    @Override
    public long getFilesCleanedUp() {
        return filesCleanedUp.get();
    }

    @Override
    public long getFilesIgnored() {
        return filesIgnored.get();
    }

    @Override
    public long getFilesAwaitingAcknowledgement() {
        return awaitingAcknowledgement.getAsLong();
    }

    @Override
    public long getRecordsPolled() {
        return recordsPolled.sum();
    }

    @Override
    public long getRecordsAcknowledged() {
        return recordsAcknowledged.sum();
    }

    @Override
    public long getRecordsSkipped() {
        return recordsSkipped.get();
    }

    @Override
    public long getRecordsTruncated() {
        return recordsTruncated.get();
    }

    @Override
    public long getRecordsMalformed() {
        return recordsMalformed.get();
    }

    @Override
    public long getBytesRead() {
        return bytesRead.get();
    }

    @Override
    public long getBytesPending() {
        return pendingBytes;
    }

    @Override
    public String getCurrentFile() {
        return currentFile;
    }

    @Override
    public Map<String, String> getFileStatuses() {
        synchronized (statuses) {
            return new LinkedHashMap<>(statuses);
        }
    }
}
