package io.streamling.internal.runtime;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/** Turns a {@link FailedElement} into its dead-letter record: the element as text, the error in headers. */
public final class DeadLetterWriter extends ContextualProcessor<Object, Object, byte[], byte[]> {

    @Override
    public void process(Record<Object, Object> record) {
        FailedElement failed = (FailedElement) record.value();
        context().forward(new Record<>(null, failed.value(), record.timestamp(), failed.headers()));
    }
}
