package io.streamling.sql;

import java.io.Serializable;
import java.util.UUID;

/**
 * Hears about the queries of a session, as Spark's {@code StreamingQueryListener}, once added with
 * {@code spark.streams().addListener(...)}. {@link #onQueryStarted} runs synchronously inside
 * {@code start()}; the other events arrive asynchronously, in order, on one listener thread.
 */
public abstract class StreamingQueryListener {

    /** A query has started. */
    public abstract void onQueryStarted(QueryStartedEvent event);

    /** A micro-batch has finished. */
    public abstract void onQueryProgress(QueryProgressEvent event);

    /** A trigger found no new data (at most once per {@code spark.sql.streaming.noDataProgressEventInterval}). */
    public void onQueryIdle(QueryIdleEvent event) {
    }

    /** A query has stopped, with or without an error. */
    public abstract void onQueryTerminated(QueryTerminatedEvent event);

    /** Event of {@link #onQueryStarted}. */
    public record QueryStartedEvent(UUID id, UUID runId, String name, String timestamp) implements Serializable {
    }

    /** Event of {@link #onQueryProgress}. */
    public record QueryProgressEvent(StreamingQueryProgress progress) implements Serializable {
    }

    /** Event of {@link #onQueryIdle}. */
    public record QueryIdleEvent(UUID id, UUID runId, String timestamp) implements Serializable {
    }

    /**
     * Event of {@link #onQueryTerminated}.
     *
     * @param exception the stack trace of the error that stopped the query, or null when it stopped normally
     * @param errorClassOnException Spark's error class of that error; always null here
     */
    public record QueryTerminatedEvent(UUID id, UUID runId, String exception, String errorClassOnException)
            implements Serializable {
    }
}
