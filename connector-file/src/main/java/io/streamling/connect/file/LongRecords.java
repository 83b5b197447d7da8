package io.streamling.connect.file;

import java.nio.file.Path;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamling.connect.file.FileSourceConfig.LongLinePolicy;

/** Applies {@code line.too.long} to a record longer than {@code line.max.bytes}. */
final class LongRecords {

    private static final Logger log = LoggerFactory.getLogger(LongRecords.class);

    private final LongLinePolicy policy;
    private final int maxBytes;
    private final FileSourceMetrics metrics;

    /**
     * @param policy   what to do with a long record
     * @param maxBytes the limit
     * @param metrics  where skipped and truncated records are counted
     */
    LongRecords(LongLinePolicy policy, int maxBytes, FileSourceMetrics metrics) {
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    /** @return the limit in bytes */
    int maxBytes() {
        return maxBytes;
    }

    /**
     * Decides about a record longer than the limit.
     *
     * @param file  the file
     * @param line  the record's line (or record) number
     * @param start its byte position
     * @param bytes its length
     * @return {@code true} to publish it truncated, {@code false} to skip it
     * @throws ConnectException under {@code line.too.long=fail}, naming file, line, offset and limit
     */
    boolean keepTruncated(Path file, long line, long start, long bytes) {
        String where = "line " + line + " of " + file + " (byte " + start + ") is " + bytes + " bytes, longer than "
                + FileSourceConfig.LINE_MAX_BYTES_CONFIG + "=" + maxBytes;
        switch (policy) {
            case SKIP -> {
                metrics.recordSkipped();
                log.warn("Skipped {} ({}=skip)", where, FileSourceConfig.LINE_TOO_LONG_CONFIG);
                return false;
            }
            case TRUNCATE -> {
                metrics.recordTruncated();
                log.warn("Truncated {} ({}=truncate)", where, FileSourceConfig.LINE_TOO_LONG_CONFIG);
                return true;
            }
            default -> throw new ConnectException("Record too long: " + where + " ("
                    + FileSourceConfig.LINE_TOO_LONG_CONFIG + "=fail; set it to skip or truncate, or raise the limit)");
        }
    }
}
