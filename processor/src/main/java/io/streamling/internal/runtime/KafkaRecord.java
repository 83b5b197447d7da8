package io.streamling.internal.runtime;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A source record whole, for sources that need more than its value: the Structured Kafka source
 * (Spark's row {@code key, value, topic, partition, offset, timestamp, timestampType, headers}) and
 * the file sources that read the file connector's headers (CSV's header line).
 *
 * @param key the key bytes, or null
 * @param value the value bytes, or null
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 * @param timestamp the record timestamp, epoch milliseconds
 * @param timestampType 0 (CreateTime), as Kafka Streams does not expose the type (see the README)
 * @param headers the headers, in order
 */
public record KafkaRecord(byte[] key, byte[] value, String topic, int partition, long offset, long timestamp,
                          int timestampType, List<KafkaHeader> headers) implements Serializable {

    /** Copies the headers. */
    public KafkaRecord {
        headers = List.copyOf(headers);
    }

    /** The record being processed, with its metadata from {@code metadata} (absent for punctuation records). */
    static KafkaRecord of(org.apache.kafka.streams.processor.api.Record<Object, Object> record, RecordMetadata metadata) {
        List<KafkaHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new KafkaHeader(header.key(), header.value()));
        }
        return new KafkaRecord((byte[]) record.key(), (byte[]) record.value(), metadata == null ? null : metadata.topic(),
                metadata == null ? -1 : metadata.partition(), metadata == null ? -1 : metadata.offset(),
                record.timestamp(), 0, headers);
    }

    /** The last header named {@code key} as UTF-8 text (Connect's header converter writes text), or null. */
    public String headerText(String key) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(key)) {
                byte[] bytes = headers.get(i).value();
                return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * One record header.
     *
     * @param key the header key
     * @param value its bytes, or null
     */
    public record KafkaHeader(String key, byte[] value) implements Serializable {
    }
}
