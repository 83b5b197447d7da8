package io.streamling.sql;

import java.io.Serializable;

/**
 * A condition on one value, as Spark's {@code org.apache.spark.api.java.function.FilterFunction}:
 * the test of {@link Dataset#filter(FilterFunction)}.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface FilterFunction<T> extends Serializable {

    /** Whether {@code value} is kept. */
    boolean call(T value) throws Exception;
}
