package io.streamling.sql;

import java.io.Serializable;

/**
 * A function of one value, as Spark's {@code org.apache.spark.api.java.function.MapFunction}:
 * the key function of {@link Dataset#groupByKey(MapFunction, Encoder)}.
 *
 * @param <T> the input type
 * @param <U> the result type
 */
@FunctionalInterface
public interface MapFunction<T, U> extends Serializable {

    /** The result for {@code value}. */
    U call(T value) throws Exception;
}
