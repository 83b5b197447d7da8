package io.streamling.internal.plan;

import java.util.function.Consumer;

/**
 * One stateless step over elements: map, flatMap, filter and their pair variants all take an
 * element and hand zero or more elements on. A single shape lets the planner fuse a chain of
 * steps into one processor.
 */
@FunctionalInterface
public interface ElementFunction {

    /** Applies the step to {@code element}, passing each result to {@code out}. */
    void apply(Object element, Consumer<Object> out) throws Exception;
}
