package io.streamling.streaming.api.java;

import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.SourceNode;
import io.streamling.streaming.Duration;

/**
 * A source stream whose Kafka topic the program fills itself, as Spark's {@code JavaInputDStream}.
 *
 * @param <T> the element type
 */
public class JavaInputDStream<T> extends JavaDStream<T> {

    private final String topic;

    JavaInputDStream(JavaStreamingContext context, SourceNode node, Duration batchDuration) {
        this(context, node, node.topic(), batchDuration);
    }

    /** A source whose elements are decoded from its records by the steps of {@code node}. */
    JavaInputDStream(JavaStreamingContext context, PlanNode node, String topic, Duration batchDuration) {
        super(context, node, batchDuration);
        this.topic = topic;
    }

    /** The Kafka topic this stream reads (the first, for a stream of several topics). */
    public String topic() {
        return topic;
    }
}
