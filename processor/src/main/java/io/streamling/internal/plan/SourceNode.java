package io.streamling.internal.plan;

import java.util.List;
import java.util.Optional;

/**
 * A stream of the string values of a Kafka topic. When {@code socket} is present the runtime
 * also runs the socket connector that fills the topic.
 *
 * @param id the node id
 * @param topic the topic read
 * @param socket the server whose lines fill the topic, for {@code socketTextStream}
 */
public record SourceNode(int id, String topic, Optional<SocketEndpoint> socket) implements PlanNode {

    @Override
    public String operation() {
        return socket.isPresent() ? "socketTextStream" : "topicStream";
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }
}
