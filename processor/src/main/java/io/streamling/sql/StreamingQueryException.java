package io.streamling.sql;

import java.util.UUID;

/**
 * Why a query stopped with an error, as Spark's {@code StreamingQueryException}: thrown by
 * {@code awaitTermination} and returned by {@code exception()}.
 */
public final class StreamingQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String queryDebugString;

    /** Internal: the failure of the query named {@code name} (or null) with these ids. */
    public StreamingQueryException(String name, UUID id, UUID runId, Throwable cause) {
        super("[STREAM_FAILED] " + prettyId(name, id, runId) + " terminated with exception: " + rootMessage(cause),
                cause);
        this.queryDebugString = prettyId(name, id, runId);
    }

    /** Spark's query description: {@code name [id = …, runId = …]}. */
    static String prettyId(String name, UUID id, UUID runId) {
        return (name != null ? name + " " : "") + "[id = " + id + ", runId = " + runId + "]";
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        // Kafka Streams wraps the user's error in its own exceptions; the innermost message says what failed
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** The query this is about. */
    public String queryDebugString() {
        return queryDebugString;
    }

    /** Spark's error class of this exception. */
    public String getErrorClass() {
        return "STREAM_FAILED";
    }
}
