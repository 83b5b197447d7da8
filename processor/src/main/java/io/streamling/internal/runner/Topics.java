package io.streamling.internal.runner;

import io.streamling.StreamlingException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The topic work a program does before it starts: create its own topics, look up its sources. */
final class Topics implements AutoCloseable {

    private static final long VISIBLE_TIMEOUT_MS = 10_000;
    private static final long RETRY_MS = 50;

    private final Admin admin;

    Topics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates {@code topic} unless it exists; on a cluster the replication factor is the broker's default. */
    void createIfAbsent(String topic, int partitions) {
        createIfAbsent(topic, partitions, Map.of());
    }

    /**
     * Creates an output topic unless it exists, with no time retention: its records carry batch
     * times, which in a replay of old data are old, and the broker's time retention would delete
     * them at once.
     */
    void createOutputIfAbsent(String topic) {
        createIfAbsent(topic, 1, Map.of("retention.ms", "-1"));
    }

    /**
     * Creates the topics that do not exist yet, in one request, and waits until each is visible.
     *
     * @param partitionsByTopic each topic's partition count
     * @param replication the replication factor; empty: the broker's default
     * @param configs the configuration of every topic
     */
    void createIfAbsent(Map<String, Integer> partitionsByTopic, Optional<Short> replication,
                        Map<String, String> configs) {
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), Optional.of(topic.getValue()), replication).configs(configs))
                .toList();
        try {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StreamlingException("Cannot create topic " + created.getKey() + ": " + e.getCause(),
                                e.getCause());
                    }
                }
            }
            for (String topic : partitionsByTopic.keySet()) {
                awaitVisible(topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamlingException("Interrupted while creating topics " + partitionsByTopic.keySet(), e);
        }
    }

    private void createIfAbsent(String topic, int partitions, Map<String, String> configs) {
        createIfAbsent(Map.of(topic, partitions), Optional.empty(), configs);
    }

    /**
     * Waits (at most {@link #VISIBLE_TIMEOUT_MS}) until a topic just created can be described: the
     * broker acknowledges a creation before its metadata cache shows the topic, and describing it at
     * once may fail with "unknown topic".
     */
    private void awaitVisible(String topic) throws InterruptedException {
        long deadline = System.currentTimeMillis() + VISIBLE_TIMEOUT_MS;
        while (true) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.currentTimeMillis() > deadline) {
                    return; // partitionCounts reports what is wrong, naming the topic
                }
                Thread.sleep(RETRY_MS);
            }
        }
    }

    /** The partition count of each topic; fails naming a topic that does not exist. */
    Map<String, Integer> partitionCounts(Collection<String> topics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : Set.copyOf(topics)) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                counts.put(topic, description.partitions().size());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new StreamlingException("Source topic " + topic + " does not exist");
                }
                throw new StreamlingException("Cannot describe topic " + topic + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamlingException("Interrupted while describing topic " + topic, e);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        admin.close();
    }
}
