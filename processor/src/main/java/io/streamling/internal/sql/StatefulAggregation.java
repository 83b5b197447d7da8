package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An aggregation run by the query's single stateful step, because it needs the watermark (append
 * and update modes) or merges session windows. Per micro-batch, as Spark's StateStoreSaveExec:
 * partial aggregates whose event-time key is at or before the watermark (a window ending at or
 * before it, or an earlier time) are dropped as late; the rest fold into the state; then append
 * mode writes, and removes, the groups the watermark has passed, update mode writes the groups
 * the batch changed and removes the passed ones, and complete mode writes every group and keeps
 * them all.
 *
 * @param timeKey the index of the event-time key, -1 when the watermark is not on a key
 * @param sessionKey the index of the session-window key, -1 when there is none
 * @param mode {@code append}, {@code update} or {@code complete}
 */
public record StatefulAggregation(Aggregation agg, int timeKey, int sessionKey, String mode) implements StatefulOp {

    @Override
    public StructType outSchema() {
        return agg.outSchema();
    }

    @Override
    public List<Tuple2<Row, Object>> partials(Row row) {
        List<Tuple2<Row, Object>> out = new ArrayList<>();
        AggState one = agg.update(null, List.of(row)); // shared by the row's keys: merges copy it
        for (Row key : agg.keysOf(row)) {
            out.add(new Tuple2<>(key, one));
        }
        return out;
    }

    @Override
    public Object merge(Object earlier, Object later) {
        return agg.merge((AggState) earlier, (AggState) later);
    }

    @Override
    public boolean runsWithoutData(long watermark, long lastBatchWatermark) {
        return !mode.equals("complete") && watermark > lastBatchWatermark;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step step(Object state, Map<Row, Object> batch, BatchClock clock) {
        TreeMap<Row, AggState> groups = new TreeMap<>();
        if (state != null) {
            // the state's "changed" flags belong to the previous micro-batch
            ((Map<Row, AggState>) state).forEach((k, v) -> groups.put(k, new AggState(v.values(), v.counts(), false)));
        }
        boolean evicts = clock.hasWatermark() && timeKey >= 0 && !mode.equals("complete");
        long[] dropped = {0};
        batch.forEach((key, partial) -> {
            if (evicts && Aggregation.eventTimeOf(key.get(timeKey)) <= clock.lateWatermark()) {
                dropped[0]++;
                return; // too late: its group's result was final by the previous micro-batch
            }
            AggState value = (AggState) partial;
            if (sessionKey >= 0) {
                mergeSession(groups, key, value);
            } else {
                AggState previous = groups.get(key);
                groups.put(key, previous == null ? value : agg.merge(previous, value));
            }
        });
        List<Row> out = new ArrayList<>();
        long[] removed = {0};
        groups.entrySet().removeIf(group -> {
            boolean passed = evicts && Aggregation.eventTimeOf(group.getKey().get(timeKey)) <= clock.watermark();
            boolean written = switch (mode) {
                case "append" -> passed;
                case "update" -> group.getValue().changed();
                default -> true;
            };
            if (written) {
                out.add(agg.output(group.getKey(), group.getValue()));
            }
            if (passed) {
                removed[0]++;
            }
            return passed;
        });
        // as Spark's StateStoreSaveExec: every key of the batch that was not late is written to the state
        long updated = batch.size() - dropped[0];
        String name = sessionKey >= 0 ? "sessionWindowStateStoreSaveExec" : StateMetrics.AGGREGATION;
        return new Step(groups, out, new StateMetrics(name, groups.size(), updated, removed[0], dropped[0]));
    }

    /** Folds a one-batch session into the group's sessions, merging every session it overlaps. */
    private void mergeSession(TreeMap<Row, AggState> groups, Row key, AggState value) {
        long start = sessionBound(key, 0);
        long end = sessionBound(key, 1);
        AggState merged = value;
        List<Row> overlapping = new ArrayList<>();
        for (Map.Entry<Row, AggState> group : groups.entrySet()) {
            Row other = group.getKey();
            if (sameGroup(key, other) && sessionBound(other, 0) <= end && start <= sessionBound(other, 1)) {
                overlapping.add(other);
            }
        }
        for (Row other : overlapping) {
            merged = agg.merge(groups.remove(other), merged);
            start = Math.min(start, sessionBound(other, 0));
            end = Math.max(end, sessionBound(other, 1));
        }
        Object[] values = key.values();
        values[sessionKey] = Row.of(new Timestamp(start), new Timestamp(end)); // bare, as every key (Aggregation.keysOf)
        groups.put(new Row(key.schema(), values), new AggState(merged.values(), merged.counts(), true));
    }

    private boolean sameGroup(Row a, Row b) {
        for (int i = 0; i < a.length(); i++) {
            if (i != sessionKey && !java.util.Objects.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private long sessionBound(Row key, int field) {
        return ((Timestamp) ((Row) key.get(sessionKey)).get(field)).getTime();
    }
}
