package io.streamling.internal.sql;

import io.streamling.StreamlingException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka sink: each row is a record of its {@code topic} column (or the {@code topic} option,
 * which wins), with its {@code key}, {@code value}, {@code headers} and {@code partition} columns;
 * strings are written as UTF-8. Every {@code kafka.*} option goes to the producer without its
 * prefix. A batch counts as written once every record of it is acknowledged, and the query's
 * source offsets are committed after that, so a crash replays the batch: at-least-once, as Spark.
 */
final class KafkaSinkWriter implements BatchWriter {

    private final String topicOption;
    private final int topicColumn;
    private final int keyColumn;
    private final int valueColumn;
    private final int partitionColumn;
    private final int headersColumn;
    private final Properties producerConfig;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaSinkWriter(WriteSpec spec) {
        StructType schema = spec.schema();
        this.topicOption = spec.option("topic");
        this.topicColumn = KafkaSinkRules.index(schema, "topic");
        this.keyColumn = KafkaSinkRules.index(schema, "key");
        this.valueColumn = KafkaSinkRules.index(schema, "value");
        this.partitionColumn = KafkaSinkRules.index(schema, "partition");
        this.headersColumn = KafkaSinkRules.index(schema, "headers");
        this.producerConfig = producerConfig(spec.options());
    }

    /** The producer settings: the {@code kafka.*} options without their prefix, byte-array serializers. */
    static Properties producerConfig(Map<String, String> options) {
        Properties config = new Properties();
        options.forEach((key, value) -> {
            if (key.regionMatches(true, 0, "kafka.", 0, 6)) {
                config.put(key.substring(6), value);
            }
        });
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    @Override
    public String description() {
        return "KafkaTable";
    }

    @Override
    public void write(long batchId, List<Row> rows) throws InterruptedException {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Row row : rows) {
            sent.add(producer.send(record(row)));
        }
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new StreamlingException("Kafka sink failed to write batch " + batchId + ": " + e.getCause(),
                        e.getCause());
            }
        }
    }

    private ProducerRecord<byte[], byte[]> record(Row row) {
        String topic = topicOption != null ? topicOption : topicColumn >= 0 ? (String) row.get(topicColumn) : null;
        if (topic == null) {
            throw new StreamlingException("null topic present in the data. Use the topic option for setting a topic.");
        }
        Integer partition = partitionColumn >= 0 ? (Integer) row.get(partitionColumn) : null;
        byte[] key = keyColumn >= 0 ? bytes(row.get(keyColumn)) : null;
        return new ProducerRecord<>(topic, partition, null, key, bytes(row.get(valueColumn)), headers(row));
    }

    private List<Header> headers(Row row) {
        if (headersColumn < 0 || row.get(headersColumn) == null) {
            return null; // no headers: the record makes its own empty list, with nothing to copy
        }
        List<Header> headers = new ArrayList<>();
        for (Object header : (List<?>) row.get(headersColumn)) {
            Row pair = (Row) header;
            headers.add(new RecordHeader((String) pair.get(0), bytes(pair.get(1))));
        }
        return headers;
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /** For start(): the options a producer would refuse, checked now rather than at the first batch. */
    static void checkConfig(Map<String, String> options) {
        Map<String, Object> config = new HashMap<>();
        producerConfig(options).forEach((key, value) -> config.put((String) key, value));
        new ProducerConfig(config);
    }
}
