package io.streamling.api.function;

/**
 * A one-argument function, as Spark's {@code org.apache.spark.api.java.function.Function}.
 *
 * @param <T> argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface Function<T, R> {
    /** Applies the function; may throw, the runtime applies the record error policy. */
    R call(T value) throws Exception;
}
