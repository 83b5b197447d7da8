package io.streamling.sql;

import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.streaming.api.java.StreamingContextState;
import java.util.UUID;

/** A running query started by {@link DataStreamWriter#start()}: a DStream program on Kafka Streams. */
public final class StreamingQuery {

    private final UUID id = UUID.randomUUID();
    private final UUID runId = UUID.randomUUID();
    private final String name;
    private final JavaStreamingContext ssc;

    StreamingQuery(String name, JavaStreamingContext ssc) {
        this.name = name;
        this.ssc = ssc;
    }

    /** The query id (new on every start in this version: there is no checkpoint to keep it in). */
    public UUID id() {
        return id;
    }

    /** The id of this run. */
    public UUID runId() {
        return runId;
    }

    /** The {@code queryName}, or null. */
    public String name() {
        return name;
    }

    /** Whether the query is running. */
    public boolean isActive() {
        return ssc.getState() == StreamingContextState.ACTIVE;
    }

    /** Blocks until the query stops. */
    public void awaitTermination() throws InterruptedException {
        ssc.awaitTermination();
    }

    /** Blocks until the query stops or {@code timeoutMs} pass; true if it stopped. */
    public boolean awaitTermination(long timeoutMs) throws InterruptedException {
        return ssc.awaitTerminationOrTimeout(timeoutMs);
    }

    /** Stops the query. */
    public void stop() {
        ssc.stop();
    }

    /** Prints the Kafka Streams topology the query runs as. */
    public void explain() {
        System.out.println(ssc.topology().describe());
    }
}
