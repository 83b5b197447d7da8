package io.streamling.internal.planner;

import io.streamling.StreamlingException;
import io.streamling.internal.plan.LogicalPlan;
import io.streamling.internal.plan.PlanNode;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * Compiles a DStream program's logical plan into a Kafka Streams {@link Topology}: each output
 * operation is built with the nodes it needs, one small builder per node type. Processor, store
 * and topic names derive from node positions, so the same program always compiles to the same
 * topology and its state survives restarts.
 */
public final class DStreamPlanner {

    private final PlannerSettings settings;

    /** A planner with these settings. */
    public DStreamPlanner(PlannerSettings settings) {
        this.settings = settings;
    }

    /**
     * A compiled program.
     *
     * @param topology the Kafka Streams topology
     * @param shuffleTopics the repartition topics of its shuffles, without the application id
     *     prefix Kafka Streams gives them, and their partition counts
     */
    public record Compiled(Topology topology, Map<String, Integer> shuffleTopics) {
    }

    /** Compiles {@code plan}; fails with Spark's message when it has no output operation. */
    public Topology plan(LogicalPlan plan) {
        return compile(plan).topology();
    }

    /** As {@link #plan}, also naming the repartition topics the topology needs. */
    public Compiled compile(LogicalPlan plan) {
        if (plan.outputs().isEmpty()) {
            throw new StreamlingException("No output operations registered, so nothing to execute");
        }
        StreamsBuilder builder = new StreamsBuilder();
        PlanningContext context = new PlanningContext(builder, settings, plan);
        for (PlanNode output : plan.outputs()) {
            context.build(output);
        }
        return new Compiled(builder.build(), context.shuffleTopics());
    }
}
