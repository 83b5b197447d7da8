package io.streamling.internal.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The program being written: hands out node ids and collects output operations until the
 * context starts, then refuses changes, as Spark does.
 */
public final class StreamGraph {

    private final List<PlanNode> outputs = new ArrayList<>();
    private int nextId = 1;
    private boolean frozen;

    /** The id for a new node; fails once the program has started. */
    public synchronized int nextId() {
        checkNotFrozen();
        return nextId++;
    }

    /** Registers an output operation; fails once the program has started. */
    public synchronized void addOutput(PlanNode output) {
        checkNotFrozen();
        outputs.add(output);
    }

    /** Refuses further changes. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** The program as it stands. */
    public synchronized LogicalPlan plan() {
        return new LogicalPlan(outputs);
    }

    /** Fails once the program has started, as Spark refuses changes to a started context. */
    public synchronized void checkNotFrozen() {
        if (frozen) {
            throw new IllegalStateException(
                    "Adding new inputs, transformations, and output operations after starting a context is not supported");
        }
    }
}
