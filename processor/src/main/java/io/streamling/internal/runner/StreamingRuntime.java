package io.streamling.internal.runner;

import io.streamling.StreamlingException;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.internal.plan.LogicalPlan;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.GeneratedFeed;
import io.streamling.internal.plan.QueueFeed;
import io.streamling.internal.plan.ConnectorFeed;
import io.streamling.internal.plan.SourceNode;
import io.streamling.internal.plan.TopicSinkNode;
import io.streamling.internal.planner.DStreamPlanner;
import io.streamling.internal.runtime.BatchClock;
import io.streamling.internal.runtime.RuntimeServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running program: the broker (embedded unless a cluster was given), the socket connectors
 * its sources need, and the Kafka Streams application of its compiled topology. Closing it stops
 * them in reverse order and removes what it put in temporary directories.
 */
public final class StreamingRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingRuntime.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Path temporaryDir;
    private String bootstrapServers;
    private KafkaStreams streams;
    private ConsumerLagProbe lagProbe;
    private Map<String, Integer> sourcePartitions = Map.of();

    private StreamingRuntime() {
    }

    /**
     * Starts {@code plan}; {@code onFailure} hears the error that stops the program, if any.
     *
     * @return the running program
     */
    public static StreamingRuntime start(RuntimeSettings settings, BatchClock clock, LogicalPlan plan,
                                         RuntimeServices services, Consumer<Throwable> onFailure) {
        StreamingRuntime runtime = new StreamingRuntime();
        try {
            runtime.startAll(settings, clock, plan, services, onFailure);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The bootstrap servers of the cluster the program runs on. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void startAll(RuntimeSettings settings, BatchClock clock, LogicalPlan plan, RuntimeServices services,
                          Consumer<Throwable> onFailure) {
        temporaryDir = createTemporaryDir(settings.appId());
        bootstrapServers = settings.bootstrapServers().orElseGet(this::startEmbeddedBroker);
        try (Topics topics = new Topics(bootstrapServers)) {
            for (SourceNode source : plan.sources()) {
                if (source.feed().isPresent()) {
                    topics.createIfAbsent(source.topic(), 1);
                }
            }
            settings.lateTopic().ifPresent(topics::createOutputIfAbsent);
            settings.deadLetterTopic().ifPresent(topics::createOutputIfAbsent);
            for (PlanNode output : plan.outputs()) {
                if (output instanceof TopicSinkNode sink) {
                    topics.createOutputIfAbsent(sink.topic());
                }
            }
            sourcePartitions = topics.partitionCounts(plan.sources().stream().map(SourceNode::topic).toList());
        }
        startConnectors(settings, plan);
        startQueueFeeders(plan, clock);
        DStreamPlanner.Compiled compiled = new DStreamPlanner(
                settings.plannerSettings(clock, sourcePartitions, services, false)).compile(plan);
        Topology topology = compiled.topology();
        LOG.debug("Topology of {}:\n{}", settings.appId(), topology.describe());
        Properties properties = streamsProperties(settings);
        createShuffleTopics(settings.appId(), compiled.shuffleTopics(), properties);
        streams = new KafkaStreams(topology, properties);
        KafkaStreams started = streams;
        lagProbe = new ConsumerLagProbe(started::metrics);
        services.setSourceLag(lagProbe);
        streams.setUncaughtExceptionHandler(error -> {
            onFailure.accept(error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) ->
                LOG.info("{}: Kafka Streams {} -> {}", settings.appId(), oldState, newState));
        streams.start();
        LOG.info("Started {} on {} with sources {}", settings.appId(), bootstrapServers, sourcePartitions);
    }

    private String startEmbeddedBroker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        resources.add(broker);
        LOG.info("No {} given: started an embedded Kafka broker on {}", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers());
        return broker.bootstrapServers();
    }

    private void startConnectors(RuntimeSettings settings, LogicalPlan plan) {
        String appId = settings.appId();
        List<SourceNode> fed = plan.sources().stream()
                .filter(source -> source.feed().filter(ConnectorFeed.class::isInstance).isPresent()).toList();
        if (fed.isEmpty()) {
            return;
        }
        Map<String, String> workerSettings = new HashMap<>();
        // with a state directory the program resumes after a restart, so its connectors resume too:
        // their offsets (which files and bytes were published) live beside the program's state
        settings.stateDir().ifPresent(dir -> workerSettings.put("offset.storage.file.filename",
                dir.resolve(appId + "-connect.offsets").toString()));
        EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(bootstrapServers, workerSettings);
        resources.add(worker);
        for (SourceNode source : fed) {
            ConnectorFeed feed = (ConnectorFeed) source.feed().orElseThrow();
            Map<String, String> config = new HashMap<>(feed.config());
            config.put("connector.class", feed.connectorClass());
            config.put("tasks.max", "1");
            config.put("topic", source.topic());
            worker.startConnector(appId + "-" + source.name(), config);
        }
    }

    /**
     * Writes each queue into consecutive batches from the next batch whose start is a multiple of
     * every window slide of the program, so windows line up with the queue's first batch as they
     * do in Spark (a slide-2 window outputs at the second batch).
     */
    private void startQueueFeeders(LogicalPlan plan, BatchClock clock) {
        long alignment = clock.intervalMs();
        for (long slide : plan.windowSlides()) {
            alignment = lcm(alignment, slide);
        }
        long now = System.currentTimeMillis() + clock.intervalMs();
        long firstBatch = now - Math.floorMod(now, alignment) + alignment;
        for (SourceNode source : plan.sources()) {
            if (source.feed().orElse(null) instanceof QueueFeed queue) {
                resources.add(QueueFeeder.start(bootstrapServers, source.topic(), queue, firstBatch, clock.intervalMs()));
            } else if (source.feed().orElse(null) instanceof GeneratedFeed generated) {
                resources.add(GeneratorFeeder.start(bootstrapServers, source.topic(), generated, firstBatch));
            }
        }
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /**
     * Creates the repartition topics before Kafka Streams starts, as it would create them itself:
     * when its first assignment creates them, the group leader's metadata changes under it and the
     * whole group rebalances a second time. Same settings as Kafka Streams' own (delete policy,
     * 50 MB segments, no time retention: it purges what it has read), with the {@code topic.*} and
     * {@code replication.factor} of the program's Kafka Streams properties on top.
     */
    private void createShuffleTopics(String appId, Map<String, Integer> shuffleTopics, Properties streamsProperties) {
        if (shuffleTopics.isEmpty()) {
            return;
        }
        Map<String, String> configs = new HashMap<>(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.SEGMENT_BYTES_CONFIG, "52428800",
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"));
        String topicPrefix = StreamsConfig.topicPrefix("");
        streamsProperties.stringPropertyNames().stream().filter(key -> key.startsWith(topicPrefix))
                .forEach(key -> configs.put(key.substring(topicPrefix.length()), streamsProperties.getProperty(key)));
        Optional<Short> replication = Optional.ofNullable(streamsProperties.getProperty(StreamsConfig.REPLICATION_FACTOR_CONFIG))
                .map(Short::parseShort).filter(factor -> factor > 0);
        Map<String, Integer> named = new HashMap<>();
        shuffleTopics.forEach((topic, partitions) -> named.put(appId + "-" + topic, partitions));
        try (Topics topics = new Topics(bootstrapServers)) {
            topics.createIfAbsent(named, replication, configs);
        }
    }

    /** The largest record the program writes to its internal topics (64 MiB). */
    static final String MAX_RECORD_BYTES = Integer.toString(64 * 1024 * 1024);

    private Properties streamsProperties(RuntimeSettings settings) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.appId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.STATE_DIR_CONFIG,
                settings.stateDir().orElse(temporaryDir.resolve("state")).toString());
        // results flow when batches close, not at commits; a short interval bounds replay after a crash
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        // Kafka Streams 5 turns this on by default; turning it on now also silences its start-up warning
        properties.put("processing.exception.handler.global.enabled", "true");
        // one state value may be large (a whole-batch element, a Structured stateful step's state):
        // its changelog and repartition records may be up to MAX_RECORD_BYTES instead of Kafka's 1 MB
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        properties.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), MAX_RECORD_BYTES);
        // like Spark's local[N], the tasks of a program with several partitions share the cores
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                Integer.toString(streamThreads(sourcePartitions, Runtime.getRuntime().availableProcessors())));
        // Kafka Streams polls for its new internal topics to be ready every retry.backoff.ms: at the
        // default 100 ms that is half a second of each start of a stateful program (retries of the
        // clients still back off exponentially from here, up to retry.backoff.max.ms)
        properties.put(StreamsConfig.RETRY_BACKOFF_MS_CONFIG, "20");
        // a stream thread learns that the group rebalances from its next heartbeat: at the default
        // 3 s, a second thread that rejoins once the first assignment has created the repartition
        // topics (every program with a shuffle, on several threads) waits up to 3 s for the others
        properties.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "250");
        properties.putAll(settings.streamsOverrides());
        return properties;
    }

    /**
     * The default number of stream threads: one per partition of the widest source, at most one per
     * core. Each step of a program runs as one task per partition, so with one partition a second
     * thread would have nothing to do; with two, the tasks of both run at once, as Spark runs a
     * batch's tasks on all the cores of {@code local[N]} (the user may still set
     * {@code num.stream.threads}).
     */
    static int streamThreads(Map<String, Integer> sourcePartitions, int cores) {
        int partitions = sourcePartitions.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return Math.max(1, Math.min(partitions, cores));
    }

    /**
     * Waits until every source partition has been read to its end, then {@code settle} more for
     * the open batches to close; at most {@code limit} in all.
     */
    public void drain(Duration settle, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !sourcesCaughtUp()) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        long settled = Math.min(deadline, System.nanoTime() + settle.toNanos());
        while (System.nanoTime() < settled) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Whether every source partition has been read to its end (by the consumer's latest fetch). */
    public boolean sourcesCaughtUp() {
        return sourcePartitions.entrySet().stream().allMatch(source -> IntStream.range(0, source.getValue())
                .allMatch(partition -> lagProbe.caughtUp(source.getKey(), partition)));
    }

    @Override
    public void close() {
        if (streams != null) {
            // leaving the group lets a restart with the same application id (a checkpointed query,
            // getOrCreate) get its partitions at once instead of after the old member's session timeout
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            streams = null;
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Failed to stop {}", resources.get(i), e);
            }
        }
        resources.clear();
        deleteTemporaryDir();
    }

    private static Path createTemporaryDir(String appId) {
        try {
            return Files.createTempDirectory("streamling-" + appId + "-");
        } catch (IOException e) {
            throw new StreamlingException("Cannot create a temporary directory for " + appId + ": " + e, e);
        }
    }

    private void deleteTemporaryDir() {
        if (temporaryDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(temporaryDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}", temporaryDir, e);
        }
        temporaryDir = null;
    }
}
