package io.streamling.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What one source of a query read in one micro-batch, as Spark's {@code SourceProgress}. */
public final class SourceProgress extends JsonProgress {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String startOffset;
    private final String endOffset;
    private final String latestOffset;
    private final long numInputRows;
    private final double inputRowsPerSecond;
    private final double processedRowsPerSecond;
    private final Map<String, String> metrics;

    /** Internal: offsets are JSON text (or null before the first batch). */
    public SourceProgress(String description, String startOffset, String endOffset, String latestOffset,
            long numInputRows, double inputRowsPerSecond, double processedRowsPerSecond, Map<String, String> metrics) {
        this.description = description;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.latestOffset = latestOffset;
        this.numInputRows = numInputRows;
        this.inputRowsPerSecond = inputRowsPerSecond;
        this.processedRowsPerSecond = processedRowsPerSecond;
        this.metrics = Map.copyOf(metrics);
    }

    /** The source, e.g. {@code FileStreamSource[file:/data]}. */
    public String description() {
        return description;
    }

    /** The offset the batch started after, as JSON; null for the first batch. */
    public String startOffset() {
        return startOffset;
    }

    /** The offset the batch read up to, as JSON. */
    public String endOffset() {
        return endOffset;
    }

    /** The latest offset the source knew of, as JSON. */
    public String latestOffset() {
        return latestOffset;
    }

    /** Rows the batch read from this source. */
    public long numInputRows() {
        return numInputRows;
    }

    /** Input rows per second of wall-clock time since the previous batch. */
    public double inputRowsPerSecond() {
        return inputRowsPerSecond;
    }

    /** Input rows per second of processing time. */
    public double processedRowsPerSecond() {
        return processedRowsPerSecond;
    }

    /** Source-specific metrics. */
    public Map<String, String> metrics() {
        return metrics;
    }

    @Override
    ObjectNode jsonValue() {
        ObjectNode node = ProgressJson.object();
        node.put("description", description);
        ProgressJson.putOffset(node, "startOffset", startOffset);
        ProgressJson.putOffset(node, "endOffset", endOffset);
        ProgressJson.putOffset(node, "latestOffset", latestOffset);
        node.put("numInputRows", numInputRows);
        ProgressJson.putRate(node, "inputRowsPerSecond", inputRowsPerSecond);
        ProgressJson.putRate(node, "processedRowsPerSecond", processedRowsPerSecond);
        ProgressJson.putMap(node, "metrics", metrics);
        return node;
    }
}
