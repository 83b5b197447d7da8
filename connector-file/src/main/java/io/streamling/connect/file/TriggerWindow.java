package io.streamling.connect.file;

/**
 * Spark's per-trigger file limits over epoch-aligned intervals ({@code trigger.interval.ms}): how
 * many files, and how many bytes of files, may start being read in the current interval. The first
 * file of an interval is always admitted, as Spark's first file of a batch is.
 */
final class TriggerWindow {

    private final long intervalMs;
    private final int maxFiles;
    private final long maxBytes;
    private long windowStart = Long.MIN_VALUE;
    private int files;
    private long bytes;

    /**
     * @param intervalMs the interval, 0 for no limits
     * @param maxFiles   files per interval, 0 for no limit
     * @param maxBytes   bytes per interval, 0 for no limit
     */
    TriggerWindow(long intervalMs, int maxFiles, long maxBytes) {
        this.intervalMs = intervalMs;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** Whether a file of {@code size} bytes may start being read at {@code now}. */
    boolean admits(long now, long size) {
        if (intervalMs <= 0) {
            return true;
        }
        long window = now - Math.floorMod(now, intervalMs);
        if (window != windowStart) {
            windowStart = window;
            files = 0;
            bytes = 0;
        }
        if (files == 0) {
            return true;
        }
        return (maxFiles == 0 || files < maxFiles) && (maxBytes == 0 || bytes + size <= maxBytes);
    }

    /** Notes that a file of {@code size} bytes started being read in the current interval. */
    void opened(long size) {
        files++;
        bytes += size;
    }
}
