package io.streamling.api.function;

import io.streamling.api.Tuple2;
import java.util.Iterator;

/**
 * A function from one element to any number of pairs, as Spark's {@code PairFlatMapFunction}.
 *
 * @param <T> argument type
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> {
    /** Returns the pairs produced from {@code value}. */
    Iterator<Tuple2<K, V>> call(T value) throws Exception;
}
