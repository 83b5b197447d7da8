package io.streamling.sql;

import java.io.Serializable;
import java.util.Iterator;

/**
 * The function of {@link KeyValueGroupedDataset#mapGroupsWithState}: called once per trigger for
 * each key with new values, and for each key whose timeout fired (with no values); returns exactly
 * one record.
 *
 * @param <K> the key type
 * @param <V> the value type ({@link Row})
 * @param <S> the state type
 * @param <R> the output type
 */
@FunctionalInterface
public interface MapGroupsWithStateFunction<K, V, S, R> extends Serializable {

    /** The record for one key and its new values. */
    R call(K key, Iterator<V> values, GroupState<S> state) throws Exception;
}
