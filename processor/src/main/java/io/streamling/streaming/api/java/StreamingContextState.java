package io.streamling.streaming.api.java;

/** The life cycle of a streaming context, as Spark's {@code StreamingContextState}. */
public enum StreamingContextState {
    /** Created; streams and outputs may be added. */
    INITIALIZED,
    /** Started; no more streams or outputs may be added. */
    ACTIVE,
    /** Stopped; it cannot be started again. */
    STOPPED
}
