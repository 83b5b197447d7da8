package io.streamling.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark's Kafka broker, in its own child JVM ({@link BrokerMain}), and an admin client
 * to create, inspect and delete topics on it. Closing it stops the broker's JVM.
 */
final class Cluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final long ADMIN_TIMEOUT_S = 60;

    private final ChildJvm broker;
    private final String bootstrapServers;
    private final Admin admin;

    private Cluster(ChildJvm broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "streamling-benchmarks"));
    }

    /** Starts the broker JVM and waits until it serves requests. */
    static Cluster start(String classpath, List<String> jvmOptions, Path log) {
        ChildJvm broker = ChildJvm.start("broker", jvmOptions, classpath, BrokerMain.class.getName(), List.of(), log);
        try {
            return new Cluster(broker, broker.awaitValue("BOOTSTRAP ", START_TIMEOUT));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** CPU time the broker's JVM used so far. */
    Optional<Duration> brokerCpu() {
        return broker.cpu();
    }

    /**
     * Creates a topic that keeps its records forever: the input is a replay stamped months ago,
     * and time-based retention (7 days by default) would delete it, and the results stamped
     * with its times, within minutes.
     */
    void createTopic(String name, int partitions) {
        get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                .configs(Map.of("retention.ms", "-1")))).all());
    }

    /** Deletes {@code topic} and every topic whose name starts with {@code prefix}. */
    void deleteTopics(String topic, String prefix) {
        Set<String> names = get(admin.listTopics().names());
        List<String> doomed = new ArrayList<>();
        for (String name : names) {
            if (name.equals(topic) || name.startsWith(prefix)) {
                doomed.add(name);
            }
        }
        if (!doomed.isEmpty()) {
            get(admin.deleteTopics(doomed).all());
        }
    }

    /** The end offset of each partition of {@code topic}. */
    Map<TopicPartition, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * True when consumer group {@code group} has committed every end offset of its input
     * ({@code inputEnds}) and is within {@code internalSlack} records of the end of every other
     * topic it consumes (its repartition topics, which may keep receiving progress markers).
     */
    boolean caughtUp(String group, Map<TopicPartition, Long> inputEnds, long internalSlack) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        for (Map.Entry<TopicPartition, Long> end : inputEnds.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            if (offset == null || offset.offset() < end.getValue()) {
                return false;
            }
        }
        Map<TopicPartition, OffsetSpec> internal = new HashMap<>();
        committed.keySet().stream().filter(partition -> !inputEnds.containsKey(partition))
                .forEach(partition -> internal.put(partition, OffsetSpec.latest()));
        if (internal.isEmpty()) {
            return true;
        }
        var ends = get(admin.listOffsets(internal).all());
        for (Map.Entry<TopicPartition, OffsetSpec> partition : internal.entrySet()) {
            long end = ends.get(partition.getKey()).offset();
            if (committed.get(partition.getKey()).offset() < end - internalSlack) {
                return false;
            }
        }
        return true;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("admin request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            admin.close(Duration.ofSeconds(5));
        } finally {
            broker.close();
        }
    }
}
