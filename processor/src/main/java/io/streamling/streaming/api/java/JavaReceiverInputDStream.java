package io.streamling.streaming.api.java;

import io.streamling.internal.plan.SourceNode;
import io.streamling.streaming.Duration;

/**
 * A source stream fed through a Kafka topic, as Spark's {@code JavaReceiverInputDStream}.
 *
 * @param <T> the element type
 */
public class JavaReceiverInputDStream<T> extends JavaDStream<T> {

    private final String topic;

    JavaReceiverInputDStream(JavaStreamingContext context, SourceNode node, Duration batchDuration) {
        super(context, node, batchDuration);
        this.topic = node.topic();
    }

    /** The Kafka topic this stream reads: under test, pipe input records into it. */
    public String topic() {
        return topic;
    }
}
