package io.streamling.streaming.api.java;

import io.streamling.internal.plan.SourceNode;
import io.streamling.streaming.Duration;

/**
 * A source stream fed through a Kafka topic, as Spark's {@code JavaReceiverInputDStream}.
 *
 * @param <T> the element type
 */
public class JavaReceiverInputDStream<T> extends JavaInputDStream<T> {

    JavaReceiverInputDStream(JavaStreamingContext context, SourceNode node, Duration batchDuration) {
        super(context, node, batchDuration);
    }
}
