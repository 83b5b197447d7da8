package io.streamling.embedded;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>Each instance owns a fresh temporary directory and two free loopback ports, so several
 * brokers can run side by side. It has no ZooKeeper, no Docker and no test-jar dependencies.
 * Topics are never auto-created: use {@link #createTopic(String, int)}. Records are never deleted
 * for their age, so input replayed with old timestamps stays readable.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
 *     broker.createTopic("lines", 2);
 *     // point clients at broker.bootstrapServers()
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** A port picked free can be taken by someone else before the broker binds it: retry then. */
    private static final int MAX_START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Path directory;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Admin admin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(Path directory, KafkaRaftServer server, String bootstrapServers, Admin admin) {
        this.directory = directory;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /**
     * Starts a broker with the default test settings and waits until it serves requests.
     *
     * @return the running broker; close it to stop it and delete its files
     * @throws EmbeddedKafkaException if the broker cannot start or does not become ready in time
     */
    public static EmbeddedKafkaBroker start() {
        return start(Map.of());
    }

    /**
     * Starts a broker whose configuration is the default test settings overlaid with
     * {@code brokerOverrides} (Kafka broker property names), and waits until it serves requests.
     *
     * @param brokerOverrides broker properties that replace or extend the defaults
     * @return the running broker; close it to stop it and delete its files
     * @throws EmbeddedKafkaException if the broker cannot start or does not become ready in time
     */
    public static EmbeddedKafkaBroker start(Map<String, String> brokerOverrides) {
        Objects.requireNonNull(brokerOverrides, "brokerOverrides");
        long started = System.nanoTime();
        Path directory = TempDirectories.create("streamling-kafka-");
        try {
            EmbeddedKafkaBroker broker = startInside(directory, brokerOverrides);
            LOG.info("Embedded Kafka broker listening on {} (started in {} ms, data in {})",
                    broker.bootstrapServers, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory);
            return broker;
        } catch (RuntimeException | Error e) {
            // Error too: a missing runtime dependency (NoClassDefFoundError) must not leave files behind
            deleteQuietly(directory);
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startInside(Path directory, Map<String, String> overrides) {
        for (int attempt = 1; ; attempt++) {
            // every attempt gets untouched storage: a failed start may have written to it
            Path logDir = directory.resolve("kraft-" + attempt);
            int[] ports = FreePorts.pick(2);
            KafkaConfig config = new KafkaConfig(BrokerSettings.of(logDir, ports[0], ports[1], overrides), false);
            KraftStorage.format(config);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutdownQuietly(server);
                if (isBindFailure(e) && attempt < MAX_START_ATTEMPTS) {
                    LOG.warn("Embedded Kafka broker could not bind its ports (attempt {}), retrying: {}", attempt, e.getMessage());
                    deleteQuietly(logDir);
                    continue;
                }
                throw new EmbeddedKafkaException("Embedded Kafka broker failed to start: " + e.getMessage(), e);
            }
            String bootstrap = "127.0.0.1:" + ports[0];
            return awaitReady(directory, server, bootstrap);
        }
    }

    private static EmbeddedKafkaBroker awaitReady(Path directory, KafkaRaftServer server, String bootstrap) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "streamling-embedded-admin"));
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, server, bootstrap, admin);
        AtomicReference<String> lastProblem = new AtomicReference<>("no answer yet");
        try {
            // startup() returns before the broker is unfenced; only then does it list itself as alive
            Deadline.await(READY_TIMEOUT, () -> {
                try {
                    boolean alive = !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
                    lastProblem.set("the cluster lists no live broker");
                    return alive;
                } catch (ExecutionException | TimeoutException e) {
                    lastProblem.set(e.toString());
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EmbeddedKafkaException("Interrupted while waiting for the embedded broker", e);
                }
            }, () -> "Embedded Kafka broker at " + bootstrap + " did not become ready: " + lastProblem.get());
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * The address clients connect to.
     *
     * @return {@code "127.0.0.1:<port>"}
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates a topic (replication factor 1) and waits until every partition has a leader, so
     * producers and consumers can use it at once. A topic that already exists is left as it is,
     * whatever its partition count.
     *
     * @param name the topic name
     * @param partitions the number of partitions, at least 1
     * @throws EmbeddedKafkaException if the topic cannot be created or does not become usable in time
     */
    public void createTopic(String name, int partitions) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new EmbeddedKafkaException("Cannot create topic " + name + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while creating topic " + name, e);
        }
        Deadline.await(ADMIN_TIMEOUT, () -> isLedByTheBroker(name), () -> "Topic " + name + " is not led by the broker for"
                + " every partition");
    }

    /**
     * Whether every partition of {@code topic} (as many as it has, also when it existed before) has
     * a leader that answers for it. The controller commits a topic before the broker applies it to
     * its metadata, and the metadata may name the leader before the replica manager leads the
     * partition: a write then fails NOT_LEADER_OR_FOLLOWER, and an idempotent producer retrying it
     * after later batches were accepted can loop on OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery
     * timeout (seen once in ReplayDeterminismIT). Offsets are answered by a partition's leader only.
     */
    private boolean isLedByTheBroker(String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            if (!description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return false;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false; // not yet known to the broker, or not yet led: poll again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while waiting for topic " + topic, e);
        }
    }

    /**
     * The number of partitions of an existing topic, as the broker reports it.
     *
     * @param topic the topic name
     * @return its partition count
     * @throws EmbeddedKafkaException if the topic does not exist or the broker does not answer
     */
    public int partitionCount(String topic) {
        Objects.requireNonNull(topic, "topic");
        return get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic)
                .get(topic).partitions().size();
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException("Cannot " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Timed out trying to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while trying to " + what, e);
        }
    }

    /** The broker's private directory; package-private so tests can check that close removes it. */
    Path directory() {
        return directory;
    }

    /**
     * Stops the broker, waits for it to finish, and deletes its temporary directory.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            admin.close(ADMIN_CLOSE_TIMEOUT);
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteQuietly(directory);
        }
        LOG.info("Embedded Kafka broker {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring failure while stopping a broker that failed to start", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            TempDirectories.deleteRecursively(dir);
        } catch (RuntimeException e) {
            // leaving a temp directory behind must not hide the real outcome of start/close
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
