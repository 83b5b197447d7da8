package io.streamling.internal.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kafka source's options, checked with Spark's messages ({@code KafkaSourceProvider}):
 * exactly one of {@code subscribe}, {@code subscribePattern}, {@code assign};
 * {@code kafka.bootstrap.servers}; {@code startingOffsets} as {@code earliest}, {@code latest} or
 * JSON {@code {"t":{"0":23,"1":-2}}}.
 */
final class KafkaOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFSETS_EXAMPLE = "Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}, got ";
    private static final String PARTITIONS_EXAMPLE = "Expected e.g. {\"topicA\":[0,1],\"topicB\":[0,1]}, got ";

    private KafkaOptions() {
    }

    static void validate(SourceSpec spec, boolean streaming) {
        if (streaming && spec.has("endingOffsets")) {
            throw new IllegalArgumentException("ending offset not valid in streaming queries");
        }
        Set<String> strategies = SourceOptions.strategies(spec);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("One of the following options must be specified for Kafka source: "
                    + SourceOptions.strategyList() + ". See the docs for more details.");
        } else if (strategies.size() > 1) {
            throw new IllegalArgumentException("Only one of the following options can be specified for Kafka source: "
                    + SourceOptions.strategyList() + ". See the docs for more details.");
        }
        String strategy = strategies.iterator().next();
        String value = spec.option(strategy);
        switch (strategy) {
            case "assign" -> {
                if (!value.trim().startsWith("{")) {
                    throw new IllegalArgumentException("No topicpartitions to assign as specified value for option "
                            + "'assign' is '" + value + "'");
                }
                assignment(value);
            }
            case "subscribe" -> {
                if (topics(value).isEmpty()) {
                    throw new IllegalArgumentException("No topics to subscribe to as specified value for option "
                            + "'subscribe' is '" + value + "'");
                }
            }
            default -> {
                if (value.trim().isEmpty()) {
                    throw new IllegalArgumentException("Pattern to subscribe is empty as specified value for option "
                            + "'subscribePattern' is '" + value + "'");
                }
            }
        }
        for (String key : spec.options().keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("kafka.auto.offset.reset")) {
                throw new IllegalArgumentException("\nKafka option 'auto.offset.reset' is not supported.\n"
                        + "Instead set the source option 'startingoffsets' to 'earliest' or 'latest'\n"
                        + "to specify where to start. Structured Streaming manages which offsets are consumed\n"
                        + "internally, rather than relying on the kafkaConsumer to do it. This will ensure that no\n"
                        + "data is missed when new topics/partitions are dynamically subscribed. Note that\n"
                        + "'startingoffsets' only applies when a new Streaming query is started, and\n"
                        + "that resuming will always pick up from where the query left off. See the docs for more\n"
                        + "details.\n");
            } else if (lower.equals("kafka.key.deserializer")) {
                throw new IllegalArgumentException("Kafka option 'key.deserializer' is not supported as keys are "
                        + "deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to "
                        + "explicitly deserialize the keys.");
            } else if (lower.equals("kafka.value.deserializer")) {
                throw new IllegalArgumentException("Kafka option 'value.deserializer' is not supported as values are "
                        + "deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to "
                        + "explicitly deserialize the values.");
            } else if (lower.equals("kafka.enable.auto.commit") || lower.equals("kafka.interceptor.classes")) {
                throw new IllegalArgumentException("Kafka option '" + key.substring("kafka.".length()) + "' is not supported");
            }
        }
        if (!spec.has("kafka.bootstrap.servers")) {
            throw new IllegalArgumentException("Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer");
        }
        if (!streaming) {
            KafkaOptions.specificOffsets(spec.option("startingOffsets", "earliest")).forEach((partition, offset) -> {
                if (offset == -1) {
                    throw new IllegalArgumentException("startingOffsets for " + partition.replace(':', '-')
                            + " can't be latest for batch queries on Kafka");
                }
            });
            if (spec.option("startingOffsets", "earliest").trim().equalsIgnoreCase("latest")) {
                throw new IllegalArgumentException("starting offset can't be latest for batch queries on Kafka");
            }
            if (spec.option("endingOffsets", "latest").trim().equalsIgnoreCase("earliest")) {
                throw new IllegalArgumentException("ending offset can't be earliest for batch queries on Kafka");
            }
            endingOffsets(spec);
        }
        startingOffsets(spec, streaming ? "latest" : "earliest");
        if (streaming && spec.has("maxOffsetsPerTrigger")) {
            long max = Long.parseLong(spec.option("maxOffsetsPerTrigger").trim());
            if (max <= 0) {
                throw new IllegalArgumentException("Invalid value '" + max + "'. The option 'maxOffsetsPerTrigger' must be positive");
            }
        }
        SourceOptions.bool(spec, "includeHeaders");
        if (spec.has("failOnDataLoss") && SourceOptions.bool(spec, "failOnDataLoss")) {
            // Kafka Streams resets to the earliest offset when data was lost; it cannot fail instead
            throw new UnsupportedOperationException("Streamling supports only failOnDataLoss=false: when offsets were "
                    + "lost to retention the source goes on from the earliest offset left");
        }
    }

    /**
     * {@code endingOffsets} of a static read: {@code latest} (empty map) or per partition, -1
     * meaning latest.
     */
    static Map<String, Long> endingOffsets(SourceSpec spec) {
        String value = spec.option("endingOffsets", "latest").trim();
        if (value.equalsIgnoreCase("latest")) {
            return Map.of();
        }
        Map<String, Long> offsets = parseOffsets(value);
        offsets.forEach((partition, offset) -> {
            if (offset == -2) {
                throw new IllegalArgumentException("ending offset for " + partition.replace(':', '-')
                        + " can't be earliest for batch queries on Kafka");
            }
        });
        return Map.copyOf(offsets);
    }

    /** The offsets of a JSON {@code startingOffsets}, by {@code topic:partition}; empty for earliest/latest or bad JSON. */
    static Map<String, Long> specificOffsets(String value) {
        try {
            return value.trim().startsWith("{") ? parseOffsets(value.trim()) : Map.of();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** JSON offsets {@code {"t":{"0":23,"1":-2}}} by {@code topic:partition}, or Spark's error. */
    private static Map<String, Long> parseOffsets(String value) {
        Map<String, Long> offsets = new HashMap<>();
        try {
            JsonNode node = JSON.readTree(value);
            for (Iterator<Map.Entry<String, JsonNode>> topics = node.fields(); topics.hasNext(); ) {
                Map.Entry<String, JsonNode> topic = topics.next();
                for (Iterator<Map.Entry<String, JsonNode>> parts = topic.getValue().fields(); parts.hasNext(); ) {
                    Map.Entry<String, JsonNode> part = parts.next();
                    if (!part.getValue().canConvertToLong()) {
                        throw new IllegalArgumentException(OFFSETS_EXAMPLE + value);
                    }
                    offsets.put(topic.getKey() + ":" + Integer.parseInt(part.getKey()), part.getValue().asLong());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException(OFFSETS_EXAMPLE + value);
        }
        return offsets;
    }

    /** The topics of {@code subscribe}: a comma list. */
    static List<String> topics(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** The partitions of {@code assign}, by topic. */
    static Map<String, Set<Integer>> assignment(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, Set<Integer>> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Set<Integer> partitions = new TreeSet<>();
                if (!entry.getValue().isArray()) {
                    throw new IllegalArgumentException(PARTITIONS_EXAMPLE + json);
                }
                entry.getValue().forEach(p -> partitions.add(p.asInt()));
                out.put(entry.getKey(), partitions);
            }
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException(PARTITIONS_EXAMPLE + json);
        }
    }

    /**
     * {@code startingOffsets}: {@code "earliest"}, {@code "latest"} (the streaming default), or
     * per partition (-2 earliest). A specific JSON offset -1 (latest) is not supported.
     */
    static Starting startingOffsets(SourceSpec spec) {
        return startingOffsets(spec, "latest");
    }

    /** {@code startingOffsets}, {@code defaultValue} when absent (latest for streaming, earliest for a static read). */
    static Starting startingOffsets(SourceSpec spec, String defaultValue) {
        String value = spec.option("startingOffsets", defaultValue).trim();
        if (value.equalsIgnoreCase("earliest") || value.equalsIgnoreCase("latest")) {
            return new Starting(value.toLowerCase(Locale.ROOT), Map.of());
        }
        Map<String, Long> offsets = parseOffsets(value);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(OFFSETS_EXAMPLE + value);
        }
        if (offsets.containsValue(-1L)) {
            throw new UnsupportedOperationException("Streamling does not support -1 (latest) for one partition in "
                    + "startingOffsets; use startingOffsets=latest, or give the offset");
        }
        return new Starting("earliest", Map.copyOf(offsets));
    }

    /**
     * Where the source starts.
     *
     * @param reset earliest or latest, for partitions without a specific offset
     * @param offsets the first offset per {@code topic:partition} (-2 = earliest); records before it are skipped
     */
    record Starting(String reset, Map<String, Long> offsets) implements java.io.Serializable {

        /** Whether the record at {@code offset} of that partition is read. */
        boolean reads(String topic, int partition, long offset) {
            Long first = offsets.get(topic + ":" + partition);
            return first == null || first < 0 || offset >= first;
        }
    }
}
