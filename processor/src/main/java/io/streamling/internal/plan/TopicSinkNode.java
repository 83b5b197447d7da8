package io.streamling.internal.plan;

import java.util.List;

/**
 * Writes every element to a Kafka topic: a pair as key and value, any other element as the value.
 *
 * @param id the node id
 * @param input the node read
 * @param topic the output topic
 */
public record TopicSinkNode(int id, PlanNode input, String topic) implements PlanNode {

    @Override
    public String operation() {
        return "toTopic";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }
}
