package io.streamling.api.function;

/**
 * A function with no result, as Spark's {@code VoidFunction}: {@code foreachRDD} and
 * {@code foreach} take one.
 *
 * @param <T> argument type
 */
@FunctionalInterface
public interface VoidFunction<T> {
    /** Runs the function. */
    void call(T value) throws Exception;
}
