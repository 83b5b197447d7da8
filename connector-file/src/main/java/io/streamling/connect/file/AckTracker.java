package io.streamling.connect.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Counts, per file, the records handed to Kafka Connect and the ones Kafka acknowledged
 * ({@code commitRecord}), so that a file is cleaned up (or moved to the error directory) only
 * once it was read to its end <em>and</em> every record published from it was acknowledged.
 *
 * <p>{@code commitRecord} is called by the producer's callback thread (or, with exactly-once, after
 * the transaction committed), so counting is thread-safe; cleanup itself runs on the task thread.
 */
final class AckTracker {

    /** How reading a file ended. */
    enum Outcome {
        /** Read to its end: apply {@code cleanup}. */
        DONE,
        /** Unreadable or malformed under {@code errors.policy=move}: move it to the error directory. */
        FAILED
    }

    /** The counts of one file; lock on it to read or change them. */
    static final class Counts {
        private final SourceFile file;
        private long sent;
        private long acknowledged;
        private Outcome outcome;

        private Counts(SourceFile file) {
            this.file = file;
        }
    }

    /**
     * A file ready for cleanup.
     *
     * @param file    the file
     * @param outcome how reading it ended
     * @param records how many of its records Kafka acknowledged in this run
     */
    record Ready(SourceFile file, Outcome outcome, long records) {
    }

    private final Map<Map<String, ?>, Counts> files = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Ready> ready = new ConcurrentLinkedQueue<>();

    /**
     * Starts counting a file's records.
     *
     * @param partition the source partition of its records
     * @param file      the file
     * @return its counts, for {@link #sent} and {@link #finished}
     */
    Counts track(Map<String, ?> partition, SourceFile file) {
        Counts counts = new Counts(file);
        files.put(partition, counts);
        return counts;
    }

    /**
     * Adds records handed to Connect. Called before {@code poll()} returns them, so before any can
     * be acknowledged.
     *
     * @param counts the file's counts
     * @param records how many
     */
    void sent(Counts counts, long records) {
        if (records > 0) {
            synchronized (counts) {
                counts.sent += records;
            }
        }
    }

    /**
     * Notes that Kafka acknowledged a record.
     *
     * @param partition the record's source partition
     */
    void acknowledged(Map<String, ?> partition) {
        Counts counts = files.get(partition);
        if (counts == null) {
            return; // a file from before a restart, or not tracked
        }
        synchronized (counts) {
            counts.acknowledged++;
            readyIfComplete(partition, counts);
        }
    }

    /**
     * Notes that reading a file ended; it becomes ready as soon as all its records are acknowledged.
     *
     * @param partition the file's source partition
     * @param counts    its counts
     * @param outcome   how reading ended
     */
    void finished(Map<String, ?> partition, Counts counts, Outcome outcome) {
        synchronized (counts) {
            counts.outcome = outcome;
            readyIfComplete(partition, counts);
        }
    }

    private void readyIfComplete(Map<String, ?> partition, Counts counts) {
        if (counts.outcome != null && counts.acknowledged >= counts.sent) {
            if (files.remove(partition, counts)) {
                ready.add(new Ready(counts.file, counts.outcome, counts.acknowledged));
            }
        }
    }

    /**
     * Stops tracking a file (it disappeared while being read: there is nothing to clean up).
     *
     * @param partition the file's source partition
     */
    void forget(Map<String, ?> partition) {
        files.remove(partition);
    }

    /**
     * Takes the files ready for cleanup.
     *
     * @return the files whose records were all acknowledged since the last call
     */
    List<Ready> drainReady() {
        List<Ready> drained = new ArrayList<>();
        for (Ready file = ready.poll(); file != null; file = ready.poll()) {
            drained.add(file);
        }
        return drained;
    }

    /** @return how many files wait for acknowledgements */
    int awaiting() {
        return files.size();
    }
}
