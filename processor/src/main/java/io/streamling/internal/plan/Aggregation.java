package io.streamling.internal.plan;

import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;

/**
 * How values of one key and batch are folded: the first value starts an accumulator, each further
 * value is added to it. {@code reduceByKey}, {@code groupByKey} and {@code combineByKey} are all
 * folds; each runs one fold per task before the shuffle and one merging the tasks' accumulators
 * after it.
 *
 * @param first turns the first value into an accumulator
 * @param add adds a value to an accumulator
 */
public record Aggregation(Function<Object, Object> first, Function2<Object, Object, Object> add) {

    /** The fold of a reduce function: the first value as it is, then {@code reduce}. */
    public static Aggregation reducing(Function2<Object, Object, Object> reduce) {
        return new Aggregation(value -> value, reduce);
    }
}
