package io.streamling.api.function;

/**
 * A two-argument function, as Spark's {@code Function2}; reduce functions are of this type.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function2<T1, T2, R> {
    /** Applies the function. */
    R call(T1 first, T2 second) throws Exception;
}
