package io.streamling.api.function;

import java.util.Iterator;

/**
 * A function from one element to any number of elements, as Spark's {@code FlatMapFunction}
 * (it returns an {@link Iterator}, as in Spark 2+).
 *
 * @param <T> argument type
 * @param <R> element type of the result
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> {
    /** Returns the elements produced from {@code value}. */
    Iterator<R> call(T value) throws Exception;
}
