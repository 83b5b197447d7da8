package io.streamling.internal.sql;

import io.streamling.sql.SinkProgress;
import io.streamling.sql.SourceProgress;
import io.streamling.sql.StateOperatorProgress;
import io.streamling.sql.StreamingQueryListener.QueryIdleEvent;
import io.streamling.sql.StreamingQueryProgress;
import io.streamling.sql.StreamingQueryStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A query's progress reporter, as Spark's ProgressReporter: it turns each micro-batch the sink
 * reports into a {@link StreamingQueryProgress} (kept in a ring of the last 100, and passed on), tracks
 * the {@link StreamingQueryStatus}, and passes on an idle event for triggers without data, at most
 * once per {@link #NO_DATA_EVENT_INTERVAL_MS} (Spark's {@code spark.sql.streaming.noDataProgressEventInterval}).
 */
public final class QueryMonitor implements BatchObserver {

    /** How many progress objects {@code recentProgress} keeps (Spark's numRecentProgressUpdates). */
    public static final int RECENT_PROGRESS = 100;
    /** The least time between two idle events. */
    public static final long NO_DATA_EVENT_INTERVAL_MS = 10_000;

    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final UUID id;
    private final UUID runId;
    private final String name;
    private final String sourceDescription;
    private final Consumer<StreamingQueryProgress> onProgress;
    private final Consumer<QueryIdleEvent> onIdle;
    private final Deque<StreamingQueryProgress> recent = new ArrayDeque<>();
    private volatile StreamingQueryStatus status = new StreamingQueryStatus(StreamingQueryStatus.INITIALIZING, false,
            false);
    private long lastTriggerStartMs = -1;
    private long lastIdleEventMs = -1;
    private long lastBatchTimeMs = Long.MIN_VALUE;

    /** A reporter for the query run {@code id}/{@code runId} reading {@code source}. */
    public QueryMonitor(UUID id, UUID runId, String name, SourceSpec source, Consumer<StreamingQueryProgress> onProgress,
            Consumer<QueryIdleEvent> onIdle) {
        this.id = id;
        this.runId = runId;
        this.name = name;
        this.sourceDescription = describe(source);
        this.onProgress = onProgress;
        this.onIdle = onIdle;
    }

    /** Spark's description of a source. */
    static String describe(SourceSpec source) {
        Map<String, String> options = source.options();
        return switch (source.format()) {
            case "socket" -> "TextSocketV2[host: " + options.get("host") + ", port: " + options.get("port") + "]";
            case "text", "json", "csv", "parquet", "orc" -> "FileStreamSource[file:"
                    + Path.of(options.getOrDefault("path", "")).toAbsolutePath() + "]";
            case "kafka" -> "KafkaV2[Subscribe[" + options.getOrDefault("subscribe", "") + "]]";
            default -> source.format();
        };
    }

    /** What the query is doing now. */
    public StreamingQueryStatus status() {
        return status;
    }

    /** Sets the status (initializing, waiting, stopped) from outside a trigger. */
    public void setStatus(StreamingQueryStatus status) {
        this.status = status;
    }

    /** The last {@value #RECENT_PROGRESS} progress objects, oldest first. */
    public synchronized StreamingQueryProgress[] recentProgress() {
        return recent.toArray(new StreamingQueryProgress[0]);
    }

    /** The latest progress, or null before the first micro-batch. */
    public synchronized StreamingQueryProgress lastProgress() {
        return recent.peekLast();
    }

    /** The time of the latest DStream batch the sink has seen (with or without data). */
    public synchronized long lastBatchTimeMs() {
        return lastBatchTimeMs;
    }

    @Override
    public void triggerStarted(long wallMs) {
        status = new StreamingQueryStatus(StreamingQueryStatus.PROCESSING, true, true);
    }

    @Override
    public void batchCompleted(BatchReport report) {
        long rows = Math.max(report.numInputRows(), 0);
        double inputSeconds;
        StreamingQueryProgress progress;
        synchronized (this) {
            // Spark: the first batch has no previous trigger, so its input rate is rows / infinity = 0
            inputSeconds = lastTriggerStartMs >= 0 ? (report.triggerStartMs() - lastTriggerStartMs) / 1000.0
                    : Double.POSITIVE_INFINITY;
            lastTriggerStartMs = report.triggerStartMs();
            double processedSeconds = Math.max(1, report.triggerExecutionMs()) / 1000.0;
            SourceProgress source = new SourceProgress(sourceDescription,
                    report.startOffset() < 0 ? null : Long.toString(report.startOffset()),
                    Long.toString(report.endOffset()), Long.toString(report.endOffset()), rows, rows / inputSeconds,
                    rows / processedSeconds, Map.of());
            progress = new StreamingQueryProgress(id, runId, name, ISO_UTC.format(Instant.ofEpochMilli(
                    report.triggerStartMs())), report.batchId(), report.triggerExecutionMs(),
                    Map.of("addBatch", report.addBatchMs(), "triggerExecution", report.triggerExecutionMs()),
                    report.eventTime(), report.stateOperators().stream().map(QueryMonitor::progress).toList(),
                    List.of(source), new SinkProgress(report.sinkDescription(), report.numOutputRows(),
                    Map.of()));
            recent.addLast(progress);
            if (recent.size() > RECENT_PROGRESS) {
                recent.removeFirst();
            }
            lastBatchTimeMs = Math.max(lastBatchTimeMs, report.batchTimeMs());
            notifyAll();
        }
        status = new StreamingQueryStatus(StreamingQueryStatus.WAITING_FOR_DATA, false, false);
        onProgress.accept(progress);
    }

    @Override
    public void idle(long batchTimeMs) {
        long now = System.currentTimeMillis();
        boolean post;
        synchronized (this) {
            lastBatchTimeMs = Math.max(lastBatchTimeMs, batchTimeMs);
            post = lastIdleEventMs < 0 || now - lastIdleEventMs >= NO_DATA_EVENT_INTERVAL_MS;
            if (post) {
                lastIdleEventMs = now;
            }
            notifyAll();
        }
        status = new StreamingQueryStatus(StreamingQueryStatus.WAITING_FOR_DATA, false, false);
        if (post) {
            onIdle.accept(new QueryIdleEvent(id, runId, ISO_UTC.format(Instant.ofEpochMilli(now))));
        }
    }

    /**
     * A state operator's progress. Timings, memory and custom metrics are not measured (0, none):
     * the state lives in a Kafka Streams store, not in Spark's state store; the single stateful
     * step is one partition and one store instance.
     */
    private static StateOperatorProgress progress(StateMetrics metrics) {
        return new StateOperatorProgress(metrics.operatorName(), metrics.numRowsTotal(), metrics.numRowsUpdated(), 0,
                metrics.numRowsRemoved(), 0, 0, 0, metrics.numRowsDroppedByWatermark(), 1, 1, Map.of());
    }

    /** Spark's timestamp format: ISO-8601 in UTC with milliseconds. */
    public static String timestamp(long epochMs) {
        return ISO_UTC.format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * Waits until the sink has seen a batch of time {@code batchTimeMs} or later, or until
     * {@code timeoutMs} passes.
     */
    public synchronized boolean awaitBatchTime(long batchTimeMs, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (lastBatchTimeMs < batchTimeMs) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 50));
        }
        return true;
    }
}
