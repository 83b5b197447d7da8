package io.streamling.sql;

import io.streamling.internal.sql.GroupStateOp;
import java.util.List;
import java.util.TreeMap;

/**
 * The result of {@link Dataset#groupByKey(MapFunction, Encoder)}: rows grouped by a computed key,
 * for arbitrary stateful processing with {@link #mapGroupsWithState} or
 * {@link #flatMapGroupsWithState}. On static data the function runs once per key, without state.
 *
 * @param <K> the key type
 * @param <V> the value type ({@link Row})
 */
public final class KeyValueGroupedDataset<K, V> {

    private final Dataset<Row> dataset;
    private final MapFunction<Row, K> keyFunction;
    /** The value of each row; null: the row itself. */
    private final MapFunction<Row, V> valueFunction;

    KeyValueGroupedDataset(Dataset<Row> dataset, MapFunction<Row, K> keyFunction) {
        this(dataset, keyFunction, null);
    }

    private KeyValueGroupedDataset(Dataset<Row> dataset, MapFunction<Row, K> keyFunction,
            MapFunction<Row, V> valueFunction) {
        this.dataset = dataset;
        this.keyFunction = keyFunction;
        this.valueFunction = valueFunction;
    }

    /** The same groups with each value mapped, e.g. to build the initial state of {@code [flat]MapGroupsWithState}. */
    @SuppressWarnings("unchecked")
    public <W> KeyValueGroupedDataset<K, W> mapValues(MapFunction<V, W> func, Encoder<W> encoder) {
        MapFunction<Row, V> current = valueFunction != null ? valueFunction : row -> (V) row;
        return new KeyValueGroupedDataset<>(dataset, keyFunction, row -> func.call(current.call(row)));
    }

    /**
     * {@link #mapGroupsWithState(MapGroupsWithStateFunction, Encoder, Encoder, GroupStateTimeout)}
     * starting from {@code initialState} (static; one state per key): in the first micro-batch each
     * key gets its initial state, and keys without data are called with no values.
     */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
            Encoder<U> outputEncoder, GroupStateTimeout timeoutConf, KeyValueGroupedDataset<K, S> initialState) {
        FlatMapGroupsWithStateFunction<K, V, S, U> flat = (key, values, state) ->
                List.of(func.call(key, values, state)).iterator();
        return run(flat, outputEncoder, timeoutConf, true, "update", initialState);
    }

    /** {@link #flatMapGroupsWithState(FlatMapGroupsWithStateFunction, OutputMode, Encoder, Encoder, GroupStateTimeout)} from an initial state. */
    public <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func,
            OutputMode outputMode, Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeoutConf,
            KeyValueGroupedDataset<K, S> initialState) {
        if (outputMode == OutputMode.Complete) {
            throw new IllegalArgumentException("The output mode of function should be append or update");
        }
        return run(func, outputEncoder, timeoutConf, false, outputMode.modeName(), initialState);
    }

    /** One record per key and trigger, without timeouts; update mode only on a stream. */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
            Encoder<U> outputEncoder) {
        return mapGroupsWithState(func, stateEncoder, outputEncoder, GroupStateTimeout.NoTimeout);
    }

    /** One record per key and trigger (and per timed-out key); update mode only on a stream. */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
            Encoder<U> outputEncoder, GroupStateTimeout timeoutConf) {
        FlatMapGroupsWithStateFunction<K, V, S, U> flat = (key, values, state) ->
                List.of(func.call(key, values, state)).iterator();
        return run(flat, outputEncoder, timeoutConf, true, "update", null);
    }

    /**
     * Any number of records per key and trigger; {@code outputMode} (append or update) must be
     * the query's output mode.
     */
    public <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func,
            OutputMode outputMode, Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeoutConf) {
        if (outputMode == OutputMode.Complete) {
            throw new IllegalArgumentException("The output mode of function should be append or update");
        }
        return run(func, outputEncoder, timeoutConf, false, outputMode.modeName(), null);
    }

    /** The initial states by key; Spark's error for a streaming one or a duplicate key. */
    private TreeMap<Row, Object> states() throws Exception {
        if (dataset.plan() != null) {
            throw new AnalysisException("Non-streaming DataFrame/Dataset is not supported as the initial state in "
                    + "[flatMap|map]GroupsWithState operation on a streaming DataFrame/Dataset");
        }
        TreeMap<Row, Object> states = new TreeMap<>();
        for (Row row : dataset.collectAsList()) {
            Object value = valueFunction == null ? row : valueFunction.call(row);
            if (states.put(Row.of(keyFunction.call(row)), value) != null) {
                throw new IllegalArgumentException("The initial state provided contained multiple rows(state) with the "
                        + "same key. Make sure to de-duplicate the initial state before passing it.");
            }
        }
        return states;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <S, U> Dataset<U> run(FlatMapGroupsWithStateFunction<K, V, S, U> func, Encoder<U> outputEncoder,
            GroupStateTimeout timeoutConf, boolean isMap, String operatorMode, KeyValueGroupedDataset<K, S> initial) {
        TreeMap<Row, Object> initialStates;
        try {
            initialStates = initial == null ? null : initial.states();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new io.streamling.StreamlingException("The initial state's key or value function failed: " + e, e);
        }
        int eventTime = -1;
        if (dataset.plan() != null && dataset.plan().effectiveWatermarkColumn() != null) {
            String[] names = dataset.schema().fieldNames();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(dataset.plan().effectiveWatermarkColumn())) {
                    eventTime = i;
                }
            }
        }
        GroupStateOp op = new GroupStateOp((MapFunction) keyFunction, (MapFunction) valueFunction,
                (FlatMapGroupsWithStateFunction) func, (Encoder) outputEncoder, timeoutConf, isMap, operatorMode,
                eventTime, initialStates);
        if (dataset.plan() == null) {
            return new Dataset<>(dataset.sparkSession(), outputEncoder.schema(), op.runStatic(dataset.collectAsList()),
                    null, outputEncoder);
        }
        return new Dataset<>(dataset.sparkSession(), outputEncoder.schema(), null, dataset.plan().statefully(op),
                outputEncoder);
    }
}
