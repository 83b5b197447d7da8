package io.streamling.internal.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A whole program: its output operations and, through their inputs, every node they need.
 *
 * @param outputs the output operations (print, toTopic, ...), in the order they were added
 */
public record LogicalPlan(List<PlanNode> outputs) {

    /** Copies the outputs. */
    public LogicalPlan {
        outputs = List.copyOf(outputs);
    }

    /** Every node the outputs need, each once, sorted by id. */
    public List<PlanNode> nodes() {
        Map<Integer, PlanNode> seen = new LinkedHashMap<>();
        List<PlanNode> pending = new ArrayList<>(outputs);
        while (!pending.isEmpty()) {
            PlanNode node = pending.remove(pending.size() - 1);
            if (seen.putIfAbsent(node.id(), node) == null) {
                pending.addAll(node.inputs());
            }
        }
        return seen.values().stream().sorted(Comparator.comparingInt(PlanNode::id)).toList();
    }

    /** The source nodes. */
    public List<SourceNode> sources() {
        return nodes().stream().filter(SourceNode.class::isInstance).map(SourceNode.class::cast).toList();
    }

    /** The window slides used anywhere in the program, in milliseconds. */
    public List<Long> windowSlides() {
        return nodes().stream().flatMap(node -> node instanceof WindowNode window ? Stream.of(window.slideMs())
                : node instanceof InverseWindowReduceNode inverse ? Stream.of(inverse.slideMs())
                : Stream.empty()).toList();
    }

    /** How many nodes read each node: the planner fuses a step only into its single reader. */
    public Map<Integer, Long> readerCounts() {
        return nodes().stream().flatMap(node -> node.inputs().stream())
                .collect(Collectors.groupingBy(PlanNode::id, Collectors.counting()));
    }
}
