package io.streamling.internal.plan;

import java.util.List;

/**
 * A node of the logical plan: an immutable value naming one operation of the program and its
 * inputs. Nodes know nothing of Kafka Streams; the planner turns them into topology parts.
 */
public sealed interface PlanNode
        permits SourceNode, StatelessNode, WindowNode, UnionNode, ShuffleNode, AggregateByKeyNode, InverseWindowReduceNode,
        UpdateStateNode, MapWithStateNode, BatchAggregateNode,
        BatchFunctionNode, PrintNode, TopicSinkNode {

    /** The node's position in the program, unique within it: it makes names deterministic. */
    int id();

    /** The operation, as the API names it: {@code flatMap}, {@code reduceByKey}, ... */
    String operation();

    /** The nodes this one reads. */
    List<PlanNode> inputs();

    /** The deterministic operator name, e.g. {@code reduceByKey-4}: processors, stores and topics derive from it. */
    default String name() {
        return operation() + "-" + id();
    }
}
