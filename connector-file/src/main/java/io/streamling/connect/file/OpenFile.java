package io.streamling.connect.file;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file being read: its identity, its reader and what was published from it in this run. */
final class OpenFile {

    private static final Logger log = LoggerFactory.getLogger(OpenFile.class);

    private final SourceFile file;
    private final FileFingerprint fingerprint;
    private final Map<String, String> partition;
    private final String name;
    private final long startPosition;
    private RecordReader reader;
    private AckTracker.Counts counts;
    private long position;
    private long lines;
    private long records;
    private long unreportedRecords;
    private final long openedAt = System.currentTimeMillis();

    /**
     * @param file          the file
     * @param fingerprint   its fingerprint, or null when it could not be read
     * @param startPosition where reading starts
     * @param linesBefore   lines (or records) before that position
     */
    OpenFile(SourceFile file, FileFingerprint fingerprint, long startPosition, long linesBefore) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.partition = FileOffsets.partition(file.path(), fingerprint == null ? "" : fingerprint.hex());
        this.name = file.path().getFileName().toString();
        this.startPosition = startPosition;
        this.position = startPosition;
        this.lines = linesBefore;
    }

    SourceFile file() {
        return file;
    }

    /** @return when this file started being read in this run, epoch milliseconds */
    long openedAt() {
        return openedAt;
    }

    /** @return the fingerprint, or null when the file could not be read */
    FileFingerprint fingerprint() {
        return fingerprint;
    }

    /** @return the source partition shared by all records of this file (one instance, cheap to look up) */
    Map<String, String> partition() {
        return partition;
    }

    String name() {
        return name;
    }

    RecordReader reader() {
        return reader;
    }

    void reader(RecordReader value) {
        this.reader = value;
    }

    AckTracker.Counts counts() {
        return counts;
    }

    void counts(AckTracker.Counts value) {
        this.counts = value;
    }

    /** @return the byte position after the last record read (published or not) */
    long position() {
        return position;
    }

    /** @return lines (or records) consumed up to {@link #position()} */
    long lines() {
        return lines;
    }

    long startPosition() {
        return startPosition;
    }

    /** @return records published from this file in this run */
    long records() {
        return records;
    }

    /**
     * Moves past a record (published, or sent to the error topic).
     *
     * @param end      the byte position after it
     * @param lastLine lines consumed up to {@code end}
     * @param published whether a record was handed to Connect for it
     */
    void advance(long end, long lastLine, boolean published) {
        position = end;
        lines = lastLine;
        if (published) {
            records++;
            unreportedRecords++;
        }
    }

    /**
     * Hands the records published since the last call to the acknowledgement tracker.
     *
     * @param acks the tracker, or null when acknowledgements are not tracked
     */
    void reportSent(AckTracker acks) {
        if (acks != null && counts != null) {
            acks.sent(counts, unreportedRecords);
        }
        unreportedRecords = 0;
    }

    /** Closes the reader, if open. */
    void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                log.debug("Error closing {}: {}", file.path(), e.toString());
            }
            reader = null;
        }
    }
}
