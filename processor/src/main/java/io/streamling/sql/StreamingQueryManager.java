package io.streamling.sql;

import io.streamling.internal.sql.QueryPlanner;
import io.streamling.internal.sql.WriteSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The queries of a session, as Spark's {@code spark.streams()}: the active ones, waiting for any to
 * stop, and the listeners that hear about all of them. Listener events other than
 * {@code onQueryStarted} are delivered in order on one daemon thread (Spark's listener bus).
 */
public final class StreamingQueryManager {

    private final SparkSession session;
    private final Map<UUID, StreamingQuery> active = new LinkedHashMap<>();
    private final List<StreamingQueryListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService bus = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "streamling-query-listener-bus");
        thread.setDaemon(true);
        return thread;
    });
    private final Object terminationLock = new Object();
    private StreamingQuery lastTerminated;

    StreamingQueryManager(SparkSession session) {
        this.session = session;
    }

    /** The queries running now. */
    public StreamingQuery[] active() {
        synchronized (active) {
            return active.values().toArray(new StreamingQuery[0]);
        }
    }

    /** The active query with this id, or null. */
    public StreamingQuery get(UUID id) {
        synchronized (active) {
            return active.get(id);
        }
    }

    /** The active query with this id (a UUID string), or null. */
    public StreamingQuery get(String id) {
        return get(UUID.fromString(id));
    }

    /**
     * Waits until any query stops, since the start or the last {@link #resetTerminated()}; returns
     * at once if one already has.
     *
     * @throws StreamingQueryException when that query stopped with an error
     */
    public void awaitAnyTermination() throws StreamingQueryException, InterruptedException {
        synchronized (terminationLock) {
            while (lastTerminated == null) {
                terminationLock.wait();
            }
            rethrow(lastTerminated);
        }
    }

    /**
     * As {@link #awaitAnyTermination()}, for at most {@code timeoutMs}.
     *
     * @return whether a query has stopped
     */
    public boolean awaitAnyTermination(long timeoutMs) throws StreamingQueryException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (terminationLock) {
            while (lastTerminated == null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                terminationLock.wait(left);
            }
            rethrow(lastTerminated);
            return true;
        }
    }

    private static void rethrow(StreamingQuery query) throws StreamingQueryException {
        if (query.exception() != null) {
            throw query.exception();
        }
    }

    /** Forgets the queries that stopped, so that {@code awaitAnyTermination} waits for the next one. */
    public void resetTerminated() {
        synchronized (terminationLock) {
            lastTerminated = null;
        }
    }

    /** Registers a listener for the events of every query of the session. */
    public void addListener(StreamingQueryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Unregisters a listener. */
    public void removeListener(StreamingQueryListener listener) {
        listeners.remove(listener);
    }

    /** The registered listeners. */
    public StreamingQueryListener[] listListeners() {
        return listeners.toArray(new StreamingQueryListener[0]);
    }

    /** Validates, registers and starts the query of {@code spec}. */
    StreamingQuery startQuery(WriteSpec spec) {
        QueryPlanner.validateSink(spec);
        synchronized (active) {
            if (spec.queryName() != null && active.values().stream().anyMatch(q -> spec.queryName().equals(q.name()))) {
                throw new IllegalArgumentException("Cannot start query with name " + spec.queryName()
                        + " as a query with that name is already active in this SparkSession");
            }
        }
        StreamingQuery query = StreamingQuery.create(this, spec);
        synchronized (active) {
            // checked again: another thread may have started a query of this name meanwhile
            if (spec.queryName() != null && active.values().stream().anyMatch(q -> spec.queryName().equals(q.name()))) {
                throw new IllegalArgumentException("Cannot start query with name " + spec.queryName()
                        + " as a query with that name is already active in this SparkSession");
            }
            if (active.containsKey(query.id())) {
                throw new IllegalStateException("Cannot start query with id " + query.id() + " as another query with "
                        + "same id is already active. Perhaps you are attempting to restart a query from checkpoint "
                        + "that is already active.");
            }
            active.put(query.id(), query);
        }
        try {
            query.start();
        } catch (RuntimeException e) {
            synchronized (active) {
                active.remove(query.id());
            }
            throw e;
        }
        return query;
    }

    void terminated(StreamingQuery query) {
        synchronized (active) {
            active.remove(query.id());
        }
        synchronized (terminationLock) {
            if (lastTerminated == null || lastTerminated.exception() == null) {
                lastTerminated = query;
            }
            terminationLock.notifyAll();
        }
    }

    /** Tells every listener now, on the caller's thread (onQueryStarted, as Spark). */
    void postNow(Consumer<StreamingQueryListener> event) {
        for (StreamingQueryListener listener : listeners) {
            event.accept(listener);
        }
    }

    /** Tells every listener later, in order, on the listener thread; a failing listener does not stop the others. */
    void post(Consumer<StreamingQueryListener> event) {
        List<StreamingQueryListener> now = new ArrayList<>(listeners);
        bus.execute(() -> now.forEach(listener -> {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(StreamingQueryManager.class)
                        .warn("Streaming query listener {} failed", listener, e);
            }
        }));
    }

    SparkSession session() {
        return session;
    }

    /** Stops every active query (the session is stopping). */
    void stopAll() {
        for (StreamingQuery query : active()) {
            query.stop();
        }
    }
}
