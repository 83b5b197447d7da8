package io.streamling.sql;

import java.io.Serializable;
import java.util.Iterator;

/**
 * The function of {@link KeyValueGroupedDataset#flatMapGroupsWithState}: as
 * {@link MapGroupsWithStateFunction}, but returns any number of records.
 *
 * @param <K> the key type
 * @param <V> the value type ({@link Row})
 * @param <S> the state type
 * @param <R> the output type
 */
@FunctionalInterface
public interface FlatMapGroupsWithStateFunction<K, V, S, R> extends Serializable {

    /** The records for one key and its new values. */
    Iterator<R> call(K key, Iterator<V> values, GroupState<S> state) throws Exception;
}
