package io.streamling.sql;

import io.streamling.internal.sql.GroupStateOp;
import java.util.List;

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

    KeyValueGroupedDataset(Dataset<Row> dataset, MapFunction<Row, K> keyFunction) {
        this.dataset = dataset;
        this.keyFunction = keyFunction;
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
        return run(flat, outputEncoder, timeoutConf, true, "update");
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
        return run(func, outputEncoder, timeoutConf, false, outputMode.modeName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <S, U> Dataset<U> run(FlatMapGroupsWithStateFunction<K, V, S, U> func, Encoder<U> outputEncoder,
            GroupStateTimeout timeoutConf, boolean isMap, String operatorMode) {
        int eventTime = -1;
        if (dataset.plan() != null && dataset.plan().effectiveWatermarkColumn() != null) {
            String[] names = dataset.schema().fieldNames();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(dataset.plan().effectiveWatermarkColumn())) {
                    eventTime = i;
                }
            }
        }
        GroupStateOp op = new GroupStateOp((MapFunction) keyFunction, (FlatMapGroupsWithStateFunction) func,
                (Encoder) outputEncoder, timeoutConf, isMap, operatorMode, eventTime);
        if (dataset.plan() == null) {
            return new Dataset<>(dataset.sparkSession(), outputEncoder.schema(), op.runStatic(dataset.collectAsList()),
                    null, outputEncoder);
        }
        return new Dataset<>(dataset.sparkSession(), outputEncoder.schema(), null, dataset.plan().statefully(op),
                outputEncoder);
    }
}
