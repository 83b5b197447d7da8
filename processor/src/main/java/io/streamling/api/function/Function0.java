package io.streamling.api.function;

/**
 * A function of no argument, as Spark's {@code Function0}: {@code getOrCreate} takes one.
 *
 * @param <R> result type
 */
@FunctionalInterface
public interface Function0<R> {
    /** Returns the result. */
    R call() throws Exception;
}
