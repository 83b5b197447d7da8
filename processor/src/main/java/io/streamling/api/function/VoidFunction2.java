package io.streamling.api.function;

/**
 * A two-argument function with no result, as Spark's {@code VoidFunction2}:
 * {@code foreachRDD((rdd, time) -> ...)} takes one.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 */
@FunctionalInterface
public interface VoidFunction2<T1, T2> {
    /** Runs the function. */
    void call(T1 first, T2 second) throws Exception;
}
