package io.streamling.api.function;

/**
 * A three-argument function, as Spark's {@code Function3}: {@code transformWith} takes one.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 * @param <T3> third argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> {
    /** Applies the function. */
    R call(T1 first, T2 second, T3 third) throws Exception;
}
