package io.streamling.internal.plan;

import java.util.List;
import java.util.Optional;

/**
 * A stream of the values of a Kafka topic. When a {@code feed} is present the runtime also
 * fills the topic: runs the socket connector, writes a queue's batches, ...
 *
 * @param id the node id
 * @param operation the API operation: {@code socketTextStream}, {@code topicStream}, ...
 * @param topic the topic read
 * @param format how the topic's values decode into elements
 * @param feed what fills the topic, if the program does
 * @param offsetReset where to start reading a topic without committed offsets: {@code earliest},
 *     {@code latest}, or empty for the application's {@code auto.offset.reset}
 */
public record SourceNode(int id, String operation, String topic, ValueFormat format, Optional<SourceFeed> feed,
                         Optional<String> offsetReset) implements PlanNode {

    /** A source read from the application's default position. */
    public SourceNode(int id, String operation, String topic, ValueFormat format, Optional<SourceFeed> feed) {
        this(id, operation, topic, format, feed, Optional.empty());
    }

    /** How a source topic's values decode into elements. */
    public enum ValueFormat {
        /** UTF-8 text, invalid bytes replaced by U+FFFD: lines from sockets, files and plain topics. */
        TEXT,
        /** Streamling's element encoding: values written by the program itself, such as a queue's. */
        ELEMENTS,
        /** Raw bytes, as {@code byte[]} elements: binary records. */
        BYTES,
        /** The whole record, as a {@code KafkaRecord}: key, value, topic, partition, offset, timestamp, headers. */
        RECORD
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }
}
