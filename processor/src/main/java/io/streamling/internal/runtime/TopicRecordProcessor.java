package io.streamling.internal.runtime;

import io.streamling.api.Tuple2;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns elements into the records of an output topic, readable by any consumer: a pair becomes
 * its key and value as strings, any other element a string value with no key. Markers stay
 * inside the program. The record keeps the element's timestamp (for a per-batch result, the
 * start of its batch).
 */
public final class TopicRecordProcessor extends ContextualProcessor<Object, Object, String, String> {

    @Override
    public void process(Record<Object, Object> record) {
        Object element = record.value();
        if (element instanceof Watermark) {
            return;
        }
        // one new record, not withKey(..).withValue(..): each of those copies the headers
        if (element instanceof Tuple2<?, ?> pair) {
            context().forward(new Record<>(Objects.toString(pair._1(), null), String.valueOf(pair._2()),
                    record.timestamp(), record.headers()));
        } else {
            context().forward(new Record<>(null, String.valueOf(element), record.timestamp(), record.headers()));
        }
    }
}
