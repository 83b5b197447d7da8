package io.streamling.api.function;

import io.streamling.api.Tuple2;

/**
 * A function from one element to a key-value pair, as Spark's {@code PairFunction}.
 *
 * @param <T> argument type
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface PairFunction<T, K, V> {
    /** Returns the pair made from {@code value}. */
    Tuple2<K, V> call(T value) throws Exception;
}
