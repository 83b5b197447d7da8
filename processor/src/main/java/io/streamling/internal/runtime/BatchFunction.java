package io.streamling.internal.runtime;

import io.streamling.streaming.Time;
import java.util.List;

/**
 * What a whole-batch operation does with one batch, gathered in one task: print it, hand it to
 * {@code foreachRDD}, or {@code transform} it into the elements of a new stream.
 */
@FunctionalInterface
public interface BatchFunction {

    /**
     * @param time the batch time
     * @param elements the batch's elements, in arrival order (at most the operation's limit)
     * @param count how many elements the batch had in all
     * @return the elements of the resulting stream's batch (none for an output operation)
     */
    List<Object> apply(Time time, List<Object> elements, long count) throws Exception;
}
