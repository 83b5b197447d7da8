package io.streamling.sql;

import io.streamling.internal.sql.BatchLog;
import io.streamling.internal.sql.CompiledQuery;
import io.streamling.internal.sql.PlanText;
import io.streamling.internal.sql.QueryCheckpoint;
import io.streamling.internal.sql.QueryMonitor;
import io.streamling.internal.sql.QueryPlanner;
import io.streamling.internal.sql.SinkContext;
import io.streamling.internal.sql.WriteSpec;
import io.streamling.sql.StreamingQueryListener.QueryStartedEvent;
import io.streamling.sql.StreamingQueryListener.QueryTerminatedEvent;
import io.streamling.streaming.api.java.StreamingContextState;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running query started by {@link DataStreamWriter#start()}: a DStream program on Kafka Streams,
 * as Spark's {@code StreamingQuery}. With a {@code checkpointLocation} its {@link #id()} is kept
 * there and its program (application id, state, source offsets, batch ids) resumes on restart;
 * {@link #runId()} is new on every start.
 */
public final class StreamingQuery {

    /** The session setting under which queries without a {@code checkpointLocation} option keep their checkpoint. */
    public static final String CHECKPOINT_ROOT = "spark.sql.streaming.checkpointLocation";

    // Spark's SOURCES_ALLOW_ONE_TIME_QUERY: the sinks that may run without a checkpoint location
    private static final Set<String> TEMPORARY_CHECKPOINT_SINKS = Set.of("memory", "foreach", "foreachbatch", "console",
            "noop");

    private final StreamingQueryManager manager;
    private final WriteSpec spec;
    private final UUID id;
    private final UUID runId = UUID.randomUUID();
    private final QueryMonitor monitor;
    private final SinkContext context;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private CompiledQuery compiled;
    private volatile StreamingQueryException exception;

    private StreamingQuery(StreamingQueryManager manager, WriteSpec spec, UUID id, BatchLog log, String stateDir) {
        this.manager = manager;
        this.spec = spec;
        this.id = id;
        this.monitor = new QueryMonitor(id, runId, spec.queryName(), spec.plan().firstSource(),
                progress -> manager.post(l -> l.onQueryProgress(new StreamingQueryListener.QueryProgressEvent(progress))),
                idle -> manager.post(l -> l.onQueryIdle(idle)));
        // the program's application id carries the query id: a restart from the checkpoint finds its offsets and state
        String base = spec.queryName() != null ? spec.queryName() : spec.session().appName();
        this.context = new SinkContext(spec.session().console(), monitor, log, base + "-" + id, stateDir);
    }

    static StreamingQuery create(StreamingQueryManager manager, WriteSpec spec) {
        String location = checkpointLocation(spec);
        if (location == null) {
            return new StreamingQuery(manager, spec, UUID.randomUUID(), BatchLog.inMemory(), null);
        }
        QueryCheckpoint checkpoint = QueryCheckpoint.at(location);
        return new StreamingQuery(manager, spec, checkpoint.queryId(), checkpoint, checkpoint.stateDir());
    }

    /**
     * Spark's rule: the {@code checkpointLocation} option, else a directory named after the query
     * under {@code spark.sql.streaming.checkpointLocation}, else (null) a temporary one, which only
     * the sinks Spark allows one-time queries on may use.
     */
    private static String checkpointLocation(WriteSpec spec) {
        String location = spec.checkpointLocation();
        if (location != null) {
            return location;
        }
        String root = spec.session().conf(CHECKPOINT_ROOT);
        if (root != null) {
            return Path.of(root, spec.queryName() != null ? spec.queryName() : UUID.randomUUID().toString()).toString();
        }
        if (!TEMPORARY_CHECKPOINT_SINKS.contains(spec.format())) {
            throw new AnalysisException("checkpointLocation must be specified either through option(\"checkpointLocation\""
                    + ", ...) or SparkSession.conf.set(\"" + CHECKPOINT_ROOT + "\", ...).");
        }
        return null;
    }

    /** Compiles and starts the program; tells the listeners before it runs. */
    void start() {
        compiled = QueryPlanner.compile(spec, context);
        manager.postNow(l -> l.onQueryStarted(new QueryStartedEvent(id, runId, spec.queryName(),
                QueryMonitor.timestamp(System.currentTimeMillis()))));
        try {
            compiled.ssc().start();
        } catch (RuntimeException e) {
            finish(e);
            throw e;
        }
        monitor.setStatus(new StreamingQueryStatus(StreamingQueryStatus.WAITING_FOR_DATA, false, false));
        Thread watcher = new Thread(this::watch, "streamling-query-" + (name() != null ? name() : id));
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Runs until the program stops: for Once and AvailableNow, processes the input available now, then stops it. */
    private void watch() {
        Throwable failure = null;
        try {
            if (spec.trigger().stopsWhenDone()) {
                awaitAllAvailable();
                compiled.ssc().stop();
            }
            compiled.ssc().awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
        compiled.ssc().stop();
        finish(failure);
    }

    private boolean programStopped() {
        return compiled.ssc().getState() != StreamingContextState.ACTIVE;
    }

    /**
     * Waits until the program's consumer has read every source partition to its end, then until the
     * sink has seen the DStream batch that holds that moment; when input has stopped no later batch
     * may run, so that second wait lasts at most the time open batches take to close. Returns early
     * if the program stops.
     */
    private void awaitAllAvailable() throws InterruptedException {
        while (!programStopped() && !compiled.ssc().sourcesCaughtUp()) {
            terminated.await(20, TimeUnit.MILLISECONDS);
        }
        long caughtUp = System.currentTimeMillis();
        long interval = spec.triggerMs() > 0 ? spec.triggerMs() : 1_000;
        long batchEnd = caughtUp - Math.floorMod(caughtUp, interval) + interval;
        long deadline = caughtUp + compiled.ssc().batchSettleMillis();
        while (!programStopped() && System.currentTimeMillis() < deadline
                && !monitor.awaitBatchTime(batchEnd, Math.min(50, Math.max(1, deadline - System.currentTimeMillis())))) {
            // polls so that a stop or failure of the program ends the wait
        }
    }

    private void finish(Throwable failure) {
        if (terminated.getCount() == 0) {
            return;
        }
        context.close();
        if (failure != null) {
            exception = new StreamingQueryException(name(), id, runId, failure);
        }
        monitor.setStatus(new StreamingQueryStatus(StreamingQueryStatus.STOPPED, false, false));
        manager.terminated(this);
        StreamingQueryException error = exception;
        // as Spark: the failure's stack trace, and no error class (the causes here are not Spark's error classes)
        String trace = error == null ? null : stackTrace(error.getCause());
        manager.post(l -> l.onQueryTerminated(new QueryTerminatedEvent(id, runId, trace, null)));
        terminated.countDown();
    }

    private static String stackTrace(Throwable error) {
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    /** The query id: kept in the checkpoint, so the same across restarts; new each start without one. */
    public UUID id() {
        return id;
    }

    /** The id of this run: new on every start. */
    public UUID runId() {
        return runId;
    }

    /** The {@code queryName}, or null. */
    public String name() {
        return spec.queryName();
    }

    /** The session that started the query. */
    public SparkSession sparkSession() {
        return spec.session();
    }

    /** Whether the query is running. */
    public boolean isActive() {
        return terminated.getCount() > 0;
    }

    /** The error that stopped the query, or null. */
    public StreamingQueryException exception() {
        return exception;
    }

    /** What the query is doing now, e.g. {@code Waiting for data to arrive}. */
    public StreamingQueryStatus status() {
        return monitor.status();
    }

    /** The progress of the last 100 micro-batches, oldest first. */
    public StreamingQueryProgress[] recentProgress() {
        return monitor.recentProgress();
    }

    /** The progress of the last micro-batch, or null before the first. */
    public StreamingQueryProgress lastProgress() {
        return monitor.lastProgress();
    }

    /**
     * Blocks until the query stops.
     *
     * @throws StreamingQueryException when it stopped with an error
     */
    public void awaitTermination() throws StreamingQueryException, InterruptedException {
        terminated.await();
        rethrow();
    }

    /**
     * Blocks until the query stops or {@code timeoutMs} pass.
     *
     * @return true if it stopped
     * @throws StreamingQueryException when it stopped with an error
     */
    public boolean awaitTermination(long timeoutMs) throws StreamingQueryException, InterruptedException {
        boolean stopped = terminated.await(timeoutMs, TimeUnit.MILLISECONDS);
        rethrow();
        return stopped;
    }

    private void rethrow() throws StreamingQueryException {
        if (exception != null) {
            throw exception;
        }
    }

    /**
     * Blocks until the input available now has been processed and written: the program's consumer
     * has read every source partition to its end, then the sink has seen the DStream batch that
     * holds that moment (or, when no batch follows because input stopped, the time the open
     * batches take to close has passed). For tests, as in Spark.
     *
     * @throws StreamingQueryException when the query stopped with an error
     */
    public void processAllAvailable() throws StreamingQueryException, InterruptedException {
        awaitAllAvailable();
        if (programStopped()) {
            // the program stopped while we waited: let the watcher record why, then report it
            terminated.await(60, TimeUnit.SECONDS);
        }
        rethrow();
    }

    /** Stops the query and waits until it has stopped. */
    public void stop() {
        if (compiled != null) {
            compiled.ssc().stop();
        }
        try {
            terminated.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the physical plan: the Kafka Streams topology the query runs as. */
    public void explain() {
        explain(false);
    }

    /** Prints the physical plan, and with {@code extended} the logical plan before it. */
    public void explain(boolean extended) {
        StringBuilder text = new StringBuilder();
        if (extended) {
            text.append("== Logical Plan ==\n").append(PlanText.describe(spec)).append('\n');
        }
        text.append("== Physical Plan ==\n").append(compiled.ssc().topology().describe());
        spec.session().console().println(text);
    }

    @Override
    public String toString() {
        return "StreamingQuery " + StreamingQueryException.prettyId(name(), id, runId);
    }
}
