package io.streamling.connect.file;

import java.util.Map;

/**
 * JMX view of one file source task: per-file status and progress. Registered as
 * {@code io.streamling.connect.file:type=FileSourceTask,connector=<name>} while the task runs.
 */
public interface FileSourceMetricsMXBean {

    /** @return files waiting to be read */
    long getFilesPending();

    /** @return files being read (0 or 1) */
    long getFilesInProgress();

    /** @return files read to their end by this task */
    long getFilesDone();

    /** @return files that could not be read or were malformed, by this task */
    long getFilesFailed();

    /** @return files deleted, archived or moved to the error directory after their records were acknowledged */
    long getFilesCleanedUp();

    /** @return files present at start and ignored ({@code file.existing=ignore}) */
    long getFilesIgnored();

    /** @return files read to their end whose records Kafka has not all acknowledged yet */
    long getFilesAwaitingAcknowledgement();

    /** @return records returned by {@code poll()} */
    long getRecordsPolled();

    /** @return records Kafka acknowledged ({@code commitRecord}) */
    long getRecordsAcknowledged();

    /** @return records skipped under {@code line.too.long=skip} */
    long getRecordsSkipped();

    /** @return records truncated under {@code line.too.long=truncate} */
    long getRecordsTruncated();

    /** @return malformed records (and unreadable files) met */
    long getRecordsMalformed();

    /** @return content bytes read */
    long getBytesRead();

    /** @return bytes still to read: the pending files plus the rest of the current one */
    long getBytesPending();

    /** @return the file being read, or an empty string */
    String getCurrentFile();

    /** @return the status of the most recently seen files (at most 1000), by path */
    Map<String, String> getFileStatuses();
}
