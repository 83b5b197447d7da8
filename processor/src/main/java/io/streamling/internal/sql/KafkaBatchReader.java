package io.streamling.internal.sql;

import io.streamling.internal.runtime.KafkaRecord;
import io.streamling.sql.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Spark's static {@code spark.read().format("kafka")}: the records of the source's partitions from
 * {@code startingOffsets} (earliest by default) to {@code endingOffsets} (latest by default), as
 * they are when the read runs, partition by partition (topic, then partition number), in offset order.
 */
public final class KafkaBatchReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private KafkaBatchReader() {
    }

    /** The rows of a checked static Kafka source. */
    public static List<Row> read(SourceSpec spec) {
        RowParser parser = spec.parser();
        Map<String, Object> config = new HashMap<>();
        spec.options().forEach((key, value) -> {
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("kafka.")) {
                config.put(key.substring("kafka.".length()), value);
            }
        });
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Row> rows = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, spec);
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, Long> starting = KafkaOptions.specificOffsets(spec.option("startingOffsets", "earliest"));
            Map<String, Long> ending = KafkaOptions.endingOffsets(spec);
            Map<TopicPartition, Long> until = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long from = starting.getOrDefault(key(tp), -2L);
                consumer.seek(tp, from < 0 ? begin.get(tp) : from);
                long to = ending.getOrDefault(key(tp), -1L);
                until.put(tp, to < 0 ? end.get(tp) : to);
            }
            Map<TopicPartition, List<Row>> byPartition = new HashMap<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < until.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading the Kafka source up to its ending offsets " + until);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < until.get(tp)) {
                        byPartition.computeIfAbsent(tp, k -> new ArrayList<>()).addAll(parser.parse(toRecord(record)));
                    }
                }
            }
            partitions.forEach(tp -> rows.addAll(byPartition.getOrDefault(tp, List.of())));
        }
        return rows;
    }

    private static String key(TopicPartition tp) {
        return tp.topic() + ":" + tp.partition();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, SourceSpec spec) {
        List<TopicPartition> out = new ArrayList<>();
        if (spec.has("assign")) {
            KafkaOptions.assignment(spec.option("assign")).forEach((topic, parts) ->
                    parts.forEach(p -> out.add(new TopicPartition(topic, p))));
        } else {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics();
            Set<String> wanted;
            if (spec.has("subscribe")) {
                wanted = Set.copyOf(KafkaOptions.topics(spec.option("subscribe")));
            } else {
                Pattern pattern = Pattern.compile(spec.option("subscribePattern").trim());
                wanted = topics.keySet().stream().filter(t -> pattern.matcher(t).matches())
                        .collect(java.util.stream.Collectors.toSet());
            }
            topics.forEach((topic, infos) -> {
                if (wanted.contains(topic)) {
                    infos.forEach(info -> out.add(new TopicPartition(topic, info.partition())));
                }
            });
        }
        out.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return out;
    }

    private static KafkaRecord toRecord(ConsumerRecord<byte[], byte[]> record) {
        List<KafkaRecord.KafkaHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new KafkaRecord.KafkaHeader(header.key(), header.value()));
        }
        return new KafkaRecord(record.key(), record.value(), record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.timestampType().id, headers);
    }
}
