package io.streamling.connect.file;

import java.util.Locale;

/**
 * Formats the one-line progress report of the standalone runner from two snapshots of the task's
 * metrics, e.g. {@code files 120 done, 1 reading, 879 pending, 0 failed | 1,234,567 records
 * (45,678/s) | 35.2 MiB read, 812.0 MiB to go, ETA 0:18}.
 */
final class ProgressLine {

    /**
     * The metrics at one instant.
     *
     * @param pending      files pending
     * @param inProgress   files being read
     * @param done         files done
     * @param failed       files failed
     * @param records      records polled
     * @param bytesRead    bytes read
     * @param bytesPending bytes still to read
     * @param nanos        {@link System#nanoTime()} when taken
     */
    record Snapshot(long pending, long inProgress, long done, long failed, long records, long bytesRead,
                    long bytesPending, long nanos) {

        static Snapshot of(FileSourceMetricsMXBean metrics, long nanos) {
            return new Snapshot(metrics.getFilesPending(), metrics.getFilesInProgress(), metrics.getFilesDone(),
                    metrics.getFilesFailed(), metrics.getRecordsPolled(), metrics.getBytesRead(),
                    metrics.getBytesPending(), nanos);
        }

        /** @return whether files or records moved on since {@code other} */
        boolean changedSince(Snapshot other) {
            return other == null || records != other.records || done != other.done || failed != other.failed
                    || pending != other.pending || inProgress != other.inProgress;
        }
    }

    private ProgressLine() {
    }

    /**
     * Formats the progress line.
     *
     * @param now      the latest snapshot
     * @param previous an earlier snapshot for the rates, or null
     * @return the line, without line terminator
     */
    static String format(Snapshot now, Snapshot previous) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "files %,d done, %,d reading, %,d pending, %,d failed | %,d records",
                now.done(), now.inProgress(), now.pending(), now.failed(), now.records()));
        double seconds = previous == null ? 0 : (now.nanos() - previous.nanos()) / 1e9;
        double bytesPerSecond = 0;
        if (seconds > 0) {
            line.append(String.format(Locale.ROOT, " (%,.0f/s)", (now.records() - previous.records()) / seconds));
            bytesPerSecond = (now.bytesRead() - previous.bytesRead()) / seconds;
        }
        line.append(" | ").append(bytes(now.bytesRead())).append(" read");
        if (now.pending() + now.inProgress() > 0) {
            line.append(", ").append(bytes(now.bytesPending())).append(" to go");
            if (bytesPerSecond > 0) {
                long eta = Math.round(now.bytesPending() / bytesPerSecond);
                line.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
            }
        } else {
            line.append(", idle");
        }
        return line.toString();
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
