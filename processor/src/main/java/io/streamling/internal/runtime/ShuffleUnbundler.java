package io.streamling.internal.runtime;

import io.streamling.internal.serde.ElementSerde;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Unpacks the {@link ShuffleBundle}s read from a repartition topic into the elements a
 * {@link ShuffleBundler} packed, each keyed by its routing key and stamped with the bundle's
 * time; anything else (markers) passes as it is.
 */
public final class ShuffleUnbundler extends ContextualProcessor<Object, Object, Object, Object> {

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof ShuffleBundle bundle) {
            ElementSerde.INSTANCE.deserializeEach(bundle.elements(), bundle.count(),
                    element -> context().forward(
                            new Record<>(RoutingKeys.of(element), element, record.timestamp(), record.headers())));
        } else {
            context().forward(record);
        }
    }
}
