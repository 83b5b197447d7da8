package io.streamling.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one micro-batch of a query did, as Spark's {@code StreamingQueryProgress}; {@link #json()} and
 * {@link #prettyJson()} give Spark's JSON (fields in Spark's order; rates that are not numbers and
 * empty maps are left out).
 */
public final class StreamingQueryProgress extends JsonProgress {

    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final UUID runId;
    private final String name;
    private final String timestamp;
    private final long batchId;
    private final long batchDuration;
    private final Map<String, Long> durationMs;
    private final Map<String, String> eventTime;
    private final List<StateOperatorProgress> stateOperators;
    private final List<SourceProgress> sources;
    private final SinkProgress sink;

    /** Internal. */
    public StreamingQueryProgress(UUID id, UUID runId, String name, String timestamp, long batchId, long batchDuration,
            Map<String, Long> durationMs, Map<String, String> eventTime, List<StateOperatorProgress> stateOperators,
            List<SourceProgress> sources, SinkProgress sink) {
        this.id = id;
        this.runId = runId;
        this.name = name;
        this.timestamp = timestamp;
        this.batchId = batchId;
        this.batchDuration = batchDuration;
        this.durationMs = Map.copyOf(durationMs);
        this.eventTime = Map.copyOf(eventTime);
        this.stateOperators = List.copyOf(stateOperators);
        this.sources = List.copyOf(sources);
        this.sink = sink;
    }

    /** The query id (kept across restarts from the checkpoint). */
    public UUID id() {
        return id;
    }

    /** The id of this run of the query. */
    public UUID runId() {
        return runId;
    }

    /** The query name, or null. */
    public String name() {
        return name;
    }

    /** When the trigger started, ISO-8601 in UTC ({@code 2016-12-14T18:45:24.873Z}). */
    public String timestamp() {
        return timestamp;
    }

    /** The micro-batch id. */
    public long batchId() {
        return batchId;
    }

    /** How long the batch took, in ms. */
    public long batchDuration() {
        return batchDuration;
    }

    /** Durations of the batch's phases, in ms ({@code triggerExecution}, {@code addBatch}…). */
    public Map<String, Long> durationMs() {
        return durationMs;
    }

    /** Event-time statistics ({@code watermark}, {@code max}…), empty when the query has no event time. */
    public Map<String, String> eventTime() {
        return eventTime;
    }

    /** The stateful operators' progress. */
    public StateOperatorProgress[] stateOperators() {
        return stateOperators.toArray(new StateOperatorProgress[0]);
    }

    /** The sources' progress. */
    public SourceProgress[] sources() {
        return sources.toArray(new SourceProgress[0]);
    }

    /** The sink's progress. */
    public SinkProgress sink() {
        return sink;
    }

    /** Rows read by all sources in this batch. */
    public long numInputRows() {
        return sources.stream().mapToLong(SourceProgress::numInputRows).sum();
    }

    /** Input rows per second of wall-clock time since the previous batch. */
    public double inputRowsPerSecond() {
        return sources.stream().mapToDouble(SourceProgress::inputRowsPerSecond).sum();
    }

    /** Input rows per second of processing time. */
    public double processedRowsPerSecond() {
        return sources.stream().mapToDouble(SourceProgress::processedRowsPerSecond).sum();
    }

    @Override
    ObjectNode jsonValue() {
        ObjectNode node = ProgressJson.object();
        node.put("id", id.toString());
        node.put("runId", runId.toString());
        node.put("name", name);
        node.put("timestamp", timestamp);
        node.put("batchId", batchId);
        node.put("batchDuration", batchDuration);
        node.put("numInputRows", numInputRows());
        ProgressJson.putRate(node, "inputRowsPerSecond", inputRowsPerSecond());
        ProgressJson.putRate(node, "processedRowsPerSecond", processedRowsPerSecond());
        ProgressJson.putMap(node, "durationMs", durationMs);
        ProgressJson.putMap(node, "eventTime", eventTime);
        ArrayNode operators = node.putArray("stateOperators");
        stateOperators.forEach(operator -> operators.add(operator.jsonValue()));
        ArrayNode sourceArray = node.putArray("sources");
        sources.forEach(source -> sourceArray.add(source.jsonValue()));
        node.set("sink", sink.jsonValue());
        return node;
    }
}
