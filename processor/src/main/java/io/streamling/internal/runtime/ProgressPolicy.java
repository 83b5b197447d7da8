package io.streamling.internal.runtime;

/**
 * How a source partition's progress becomes its watermark.
 *
 * @param idleTimeoutMs after how long without data (and with nothing left to fetch) a partition
 *                      stops holding batches open: its progress then follows the wall clock
 * @param allowedLatenessMs how far behind its progress a record may still arrive and count: the
 *                          watermark trails the progress by this much
 */
public record ProgressPolicy(long idleTimeoutMs, long allowedLatenessMs) {

    /** Validates the durations. */
    public ProgressPolicy {
        if (idleTimeoutMs <= 0 || allowedLatenessMs < 0) {
            throw new IllegalArgumentException("idle timeout must be positive and lateness not negative, got "
                    + idleTimeoutMs + " and " + allowedLatenessMs);
        }
    }

    /** The watermark of a partition whose progress is {@code progress}. */
    public long watermark(long progress) {
        return progress - allowedLatenessMs;
    }
}
