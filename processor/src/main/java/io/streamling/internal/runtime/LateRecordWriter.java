package io.streamling.internal.runtime;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/** Turns a {@link LateRecord} back into the record it was, with headers explaining its lateness. */
public final class LateRecordWriter extends ContextualProcessor<Object, Object, byte[], byte[]> {

    @Override
    public void process(Record<Object, Object> record) {
        LateRecord late = (LateRecord) record.value();
        context().forward(new Record<>(late.key(), late.value(), record.timestamp(), late.explain(record.headers())));
    }
}
