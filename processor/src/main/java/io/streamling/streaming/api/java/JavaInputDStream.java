package io.streamling.streaming.api.java;

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
        super(context, node, batchDuration);
        this.topic = node.topic();
    }

    /** The Kafka topic this stream reads. */
    public String topic() {
        return topic;
    }
}
