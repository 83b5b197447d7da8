package io.streamling.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What the sink of a query wrote in one micro-batch, as Spark's {@code SinkProgress}. */
public final class SinkProgress extends JsonProgress {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final long numOutputRows;
    private final Map<String, String> metrics;

    /** Internal. */
    public SinkProgress(String description, long numOutputRows, Map<String, String> metrics) {
        this.description = description;
        this.numOutputRows = numOutputRows;
        this.metrics = Map.copyOf(metrics);
    }

    /** The sink, e.g. {@code MemorySink} or {@code FileSink[/out]}. */
    public String description() {
        return description;
    }

    /** Rows written in the batch. */
    public long numOutputRows() {
        return numOutputRows;
    }

    /** Sink-specific metrics. */
    public Map<String, String> metrics() {
        return metrics;
    }

    @Override
    ObjectNode jsonValue() {
        ObjectNode node = ProgressJson.object();
        node.put("description", description);
        node.put("numOutputRows", numOutputRows);
        ProgressJson.putMap(node, "metrics", metrics);
        return node;
    }
}
