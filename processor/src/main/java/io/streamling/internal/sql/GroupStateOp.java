package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.AnalysisException;
import io.streamling.sql.Encoder;
import io.streamling.sql.FlatMapGroupsWithStateFunction;
import io.streamling.sql.GroupStateTimeout;
import io.streamling.sql.MapFunction;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import io.streamling.StreamlingException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code groupByKey(f).[flat]MapGroupsWithState(...)}, as Spark's FlatMapGroupsWithStateExec: per
 * micro-batch, the function is called for each key with new values (in key order), then for each
 * key whose timeout passed (processing time: the batch time; event time: the watermark) with no
 * values and {@code hasTimedOut()}. With an event-time timeout, rows at or before the watermark
 * are dropped first.
 *
 * @param isMap whether this is mapGroupsWithState (one record per call, update mode only)
 * @param operatorMode the flatMapGroupsWithState output mode, {@code append} or {@code update}
 * @param eventTime the index of the watermark column in the input rows, -1 when none
 * @param valueFunction what the function gets for each row (null: the row)
 * @param initialState the state of each key before the first micro-batch, or null
 */
public record GroupStateOp(MapFunction<Row, Object> keyFunction, MapFunction<Row, Object> valueFunction,
        FlatMapGroupsWithStateFunction<Object, Object, Object, Object> function, Encoder<Object> outEncoder,
        GroupStateTimeout timeout, boolean isMap, String operatorMode, int eventTime, TreeMap<Row, Object> initialState)
        implements RowBufferingOp {

    /** What a key keeps: its state (null when only a timeout is set) and its timeout ({@code -1}: none). */
    record Stored(Object value, long timeoutTimestamp) implements Serializable {
    }

    @Override
    public StructType outSchema() {
        return outEncoder.schema();
    }

    @Override
    public List<Tuple2<Row, Object>> partials(Row row) {
        return RowBufferingOp.buffered(Row.of(call(() -> keyFunction.call(row))), row);
    }

    @Override
    public void validate(String outputMode, boolean hasWatermark) {
        String mode = StatefulOp.modeName(outputMode);
        if (isMap && !outputMode.equals("update")) {
            throw new AnalysisException("mapGroupsWithState is not supported with " + mode
                    + " output mode on a streaming DataFrame/Dataset");
        }
        if (!isMap && !operatorMode.equals(outputMode)) {
            throw new AnalysisException("flatMapGroupsWithState in " + operatorMode + " mode is not supported with "
                    + mode + " output mode on a streaming DataFrame/Dataset");
        }
        if (timeout == GroupStateTimeout.EventTimeTimeout && !hasWatermark) {
            throw new AnalysisException("Watermark must be specified in the query using "
                    + "'[Dataset/DataFrame].withWatermark()' for using event-time timeout in a "
                    + "[map|flatMap]GroupsWithState. Event-time timeout not supported without watermark.");
        }
    }

    @Override
    public boolean runsWithoutData(long watermark, long lastBatchWatermark) {
        return switch (timeout) {
            case ProcessingTimeTimeout -> true; // as Spark: every trigger runs, to fire timeouts
            case EventTimeTimeout -> watermark > lastBatchWatermark;
            default -> false;
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step step(Object state, Map<Row, Object> batch, BatchClock clock) {
        TreeMap<Row, Stored> states = state == null ? new TreeMap<>() : new TreeMap<>((Map<Row, Stored>) state);
        List<Row> out = new ArrayList<>();
        boolean dropLate = timeout == GroupStateTimeout.EventTimeTimeout && clock.hasWatermark() && eventTime >= 0;
        TreeMap<Row, List<Row>> groups = new TreeMap<>();
        batch.forEach((key, partial) -> {
            List<Row> values = new ArrayList<>();
            for (Row row : (List<Row>) partial) {
                if (!(dropLate && row.get(eventTime) instanceof Timestamp t && t.getTime() <= clock.lateWatermark())) {
                    values.add(row);
                }
            }
            if (!values.isEmpty()) {
                groups.put(key, values);
            }
        });
        if (state == null && initialState != null) {
            // the first micro-batch: every key of the initial state gets it, and a call even without data
            initialState.forEach((key, value) -> {
                states.put(key, new Stored(value, GroupStateImpl.NO_TIMESTAMP));
                groups.putIfAbsent(key, List.of());
            });
        }
        long[] counts = new long[2];
        groups.forEach((key, values) -> invoke(states, key, values, false, clock, out, counts));
        if (timeout != GroupStateTimeout.NoTimeout) {
            long threshold = timeout == GroupStateTimeout.ProcessingTimeTimeout ? clock.batchTimeMs() : clock.watermark();
            List<Row> timedOut = new ArrayList<>();
            states.forEach((key, stored) -> {
                if (stored.timeoutTimestamp() != GroupStateImpl.NO_TIMESTAMP && stored.timeoutTimestamp() < threshold) {
                    timedOut.add(key);
                }
            });
            for (Row key : timedOut) {
                invoke(states, key, List.of(), true, clock, out, counts);
            }
        }
        return new Step(states, out, new StateMetrics("flatMapGroupsWithState", states.size(), counts[0], counts[1], 0));
    }

    /** Runs the function once over the values of one key on static data: no state, no timeouts. */
    public List<Row> runStatic(List<Row> rows) {
        TreeMap<Row, Object> groups = new TreeMap<>();
        for (Row row : rows) {
            partials(row).forEach(p -> groups.merge(p._1(), p._2(), this::merge));
        }
        if (initialState != null) {
            initialState.keySet().forEach(key -> groups.putIfAbsent(key, new ArrayList<Row>()));
        }
        List<Row> out = new ArrayList<>();
        TreeMap<Row, Stored> states = new TreeMap<>();
        groups.forEach((key, values) -> {
            states.clear();
            if (initialState != null && initialState.containsKey(key)) {
                states.put(key, new Stored(initialState.get(key), GroupStateImpl.NO_TIMESTAMP));
            }
            // batch mode, as Spark's: the watermark reads -1
            invoke(states, key, (List<Row>) values, false, new BatchClock(-1, -1, true, System.currentTimeMillis()), out,
                    new long[2]);
        });
        return out;
    }

    /**
     * Calls the function for one key and keeps what it left in the state; counts, as Spark's
     * FlatMapGroupsWithStateExec, the keys written ({@code counts[0]}: updated, removed with a
     * timeout, or a changed timeout) and removed ({@code counts[1]}).
     */
    private void invoke(TreeMap<Row, Stored> states, Row key, List<Row> values, boolean timedOut, BatchClock clock,
            List<Row> out, long[] counts) {
        Stored stored = states.get(key);
        GroupStateImpl<Object> groupState = new GroupStateImpl<>(stored == null ? null : stored.value(), timeout,
                clock.batchTimeMs(), clock.watermark(), clock.hasWatermark(), timedOut);
        List<Object> inputs = new ArrayList<>();
        for (Row row : values) {
            inputs.add(valueFunction == null ? row : call(() -> valueFunction.call(row)));
        }
        Iterator<Object> records = call(() -> function.call(key.get(0), inputs.iterator(), groupState));
        while (records.hasNext()) {
            Object record = records.next();
            out.add(record == null ? new Row(outSchema(), new Object[outSchema().fields().length])
                    : outEncoder.toRow(record));
        }
        long previousTimeout = stored == null ? GroupStateImpl.NO_TIMESTAMP : stored.timeoutTimestamp();
        if (groupState.isRemoved() && groupState.timeoutTimestamp() == GroupStateImpl.NO_TIMESTAMP) {
            counts[1]++;
        } else if (groupState.isUpdated() || groupState.isRemoved() || groupState.timeoutTimestamp() != previousTimeout) {
            counts[0]++;
        }
        if (!groupState.exists() && groupState.timeoutTimestamp() == GroupStateImpl.NO_TIMESTAMP) {
            states.remove(key);
        } else {
            states.put(key, new Stored(groupState.exists() ? groupState.value() : null, groupState.timeoutTimestamp()));
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> f) {
        try {
            return f.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException("The [flat]MapGroupsWithState function failed: " + e, e);
        }
    }
}
