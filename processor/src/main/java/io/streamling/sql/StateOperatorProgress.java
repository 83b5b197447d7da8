package io.streamling.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What one stateful operator held and changed in one micro-batch, as Spark's {@code StateOperatorProgress}. */
public final class StateOperatorProgress extends JsonProgress {

    private static final long serialVersionUID = 1L;

    private final String operatorName;
    private final long numRowsTotal;
    private final long numRowsUpdated;
    private final long allUpdatesTimeMs;
    private final long numRowsRemoved;
    private final long allRemovalsTimeMs;
    private final long commitTimeMs;
    private final long memoryUsedBytes;
    private final long numRowsDroppedByWatermark;
    private final long numShufflePartitions;
    private final long numStateStoreInstances;
    private final Map<String, Long> customMetrics;

    /** Internal. */
    public StateOperatorProgress(String operatorName, long numRowsTotal, long numRowsUpdated, long allUpdatesTimeMs,
            long numRowsRemoved, long allRemovalsTimeMs, long commitTimeMs, long memoryUsedBytes,
            long numRowsDroppedByWatermark, long numShufflePartitions, long numStateStoreInstances,
            Map<String, Long> customMetrics) {
        this.operatorName = operatorName;
        this.numRowsTotal = numRowsTotal;
        this.numRowsUpdated = numRowsUpdated;
        this.allUpdatesTimeMs = allUpdatesTimeMs;
        this.numRowsRemoved = numRowsRemoved;
        this.allRemovalsTimeMs = allRemovalsTimeMs;
        this.commitTimeMs = commitTimeMs;
        this.memoryUsedBytes = memoryUsedBytes;
        this.numRowsDroppedByWatermark = numRowsDroppedByWatermark;
        this.numShufflePartitions = numShufflePartitions;
        this.numStateStoreInstances = numStateStoreInstances;
        this.customMetrics = Map.copyOf(customMetrics);
    }

    /** The operator, e.g. {@code stateStoreSave}. */
    public String operatorName() {
        return operatorName;
    }

    /** Rows in the state after the batch. */
    public long numRowsTotal() {
        return numRowsTotal;
    }

    /** Rows the batch updated. */
    public long numRowsUpdated() {
        return numRowsUpdated;
    }

    /** Rows the batch removed. */
    public long numRowsRemoved() {
        return numRowsRemoved;
    }

    /** Input rows dropped as later than the watermark. */
    public long numRowsDroppedByWatermark() {
        return numRowsDroppedByWatermark;
    }

    /** Bytes of state in memory. */
    public long memoryUsedBytes() {
        return memoryUsedBytes;
    }

    @Override
    ObjectNode jsonValue() {
        ObjectNode node = ProgressJson.object();
        node.put("operatorName", operatorName);
        node.put("numRowsTotal", numRowsTotal);
        node.put("numRowsUpdated", numRowsUpdated);
        node.put("allUpdatesTimeMs", allUpdatesTimeMs);
        node.put("numRowsRemoved", numRowsRemoved);
        node.put("allRemovalsTimeMs", allRemovalsTimeMs);
        node.put("commitTimeMs", commitTimeMs);
        node.put("memoryUsedBytes", memoryUsedBytes);
        node.put("numRowsDroppedByWatermark", numRowsDroppedByWatermark);
        node.put("numShufflePartitions", numShufflePartitions);
        node.put("numStateStoreInstances", numStateStoreInstances);
        ProgressJson.putMap(node, "customMetrics", customMetrics);
        return node;
    }
}
