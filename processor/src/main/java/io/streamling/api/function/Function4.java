package io.streamling.api.function;

/**
 * A four-argument function, as Spark's {@code Function4}: {@code StateSpec.function} takes one.
 *
 * @param <T1> first argument type
 * @param <T2> second argument type
 * @param <T3> third argument type
 * @param <T4> fourth argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function4<T1, T2, T3, T4, R> {
    /** Applies the function. */
    R call(T1 first, T2 second, T3 third, T4 fourth) throws Exception;
}
