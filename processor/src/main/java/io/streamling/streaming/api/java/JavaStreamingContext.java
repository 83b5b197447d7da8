package io.streamling.streaming.api.java;

import io.streamling.StreamlingException;
import io.streamling.internal.plan.SocketEndpoint;
import io.streamling.internal.plan.ConnectorFeed;
import io.streamling.internal.plan.QueueFeed;
import io.streamling.internal.plan.SourceNode;
import io.streamling.internal.plan.SourceNode.ValueFormat;
import io.streamling.internal.plan.StreamGraph;
import io.streamling.internal.planner.DStreamPlanner;
import io.streamling.internal.runner.RuntimeSettings;
import io.streamling.internal.runner.StreamingRuntime;
import io.streamling.internal.runtime.BatchClock;
import io.streamling.internal.runtime.KafkaRecord;
import io.streamling.internal.runtime.RuntimeServices;
import io.streamling.storage.StorageLevel;
import io.streamling.streaming.Duration;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.scheduler.StreamingListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function0;
import io.streamling.api.function.Function2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.api.java.JavaRDD;
import io.streamling.api.java.JavaSparkContext;
import io.streamling.streaming.Time;
import org.apache.kafka.streams.Topology;

/**
 * The entry point of a DStream program, as Spark's {@code JavaStreamingContext}: it creates
 * source streams, then {@link #start()} compiles every output operation into one Kafka Streams
 * topology and runs it, on the embedded default broker unless
 * {@link StreamingConf#BOOTSTRAP_SERVERS} names a cluster.
 *
 * <p>Batches are cut by record timestamp, not arrival: the batch of time {@code T} holds the
 * records with timestamps in {@code [T - batchInterval, T)}, so replaying a topic gives the same
 * batches.
 */
public class JavaStreamingContext implements AutoCloseable {

    private static final AtomicReference<JavaStreamingContext> ACTIVE = new AtomicReference<>();

    private final StreamingConf conf;
    private final BatchClock clock;
    private final Duration batchDuration;
    private final StreamGraph graph = new StreamGraph();
    private final RuntimeServices services = new RuntimeServices();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile StreamingContextState state = StreamingContextState.INITIALIZED;
    private StreamingRuntime runtime;

    /**
     * A context with this configuration and batch interval.
     *
     * @throws IllegalArgumentException when the batch interval is zero or negative
     */
    public JavaStreamingContext(StreamingConf conf, Duration batchDuration) {
        this.conf = Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(batchDuration, "batchDuration");
        if (batchDuration.milliseconds() <= 0) {
            throw new IllegalArgumentException(
                    "batchDuration (the batch interval) must be positive, got " + batchDuration);
        }
        this.clock = new BatchClock(batchDuration.milliseconds());
        this.batchDuration = batchDuration;
    }

    /** A context named {@code appName} with this batch interval, on the embedded default. */
    public JavaStreamingContext(String appName, Duration batchDuration) {
        this(new StreamingConf().setAppName(appName), batchDuration);
    }

    /**
     * Lines of text read from a TCP server at {@code hostname:port}, Spark's {@code socketTextStream}:
     * the socket connector runs in-process, connects as a client (reconnecting while the server is
     * away) and publishes each UTF-8 line, stamped with its arrival time, to a topic named after the
     * application and the address.
     */
    public JavaReceiverInputDStream<String> socketTextStream(String hostname, int port) {
        SocketEndpoint endpoint = new SocketEndpoint(hostname, port);
        String topic = topicSafe(appId() + "-socket-" + hostname + "-" + port);
        return new JavaReceiverInputDStream<>(this, new SourceNode(graph.nextId(), "socketTextStream", topic,
                ValueFormat.TEXT, Optional.of(ConnectorFeed.socket(endpoint))), batchDuration);
    }

    /** As {@link #socketTextStream(String, int)}: the storage level changes nothing here ({@link StorageLevel}). */
    public JavaReceiverInputDStream<String> socketTextStream(String hostname, int port, StorageLevel storageLevel) {
        return socketTextStream(hostname, port);
    }

    /**
     * The lines of the files that appear in {@code directory}, Spark's {@code textFileStream}:
     * files there before the start are ignored, names starting with {@code .} too, and each file is
     * read once (it should be moved in whole). The file connector runs in-process and publishes
     * each line, stamped with the time it read it, to a topic named after the application.
     */
    public JavaInputDStream<String> textFileStream(String directory) {
        return fileStream("textFileStream", directory, Map.of("format", "text"), ValueFormat.TEXT);
    }

    /** As {@link #textFileStream(String)}, with each file cut into records of {@code recordLength} bytes. */
    public JavaInputDStream<byte[]> binaryRecordsStream(String directory, int recordLength) {
        if (recordLength < 1) {
            throw new IllegalArgumentException("recordLength must be positive, got " + recordLength);
        }
        return fileStream("binaryRecordsStream", directory, Map.of("format", "fixed",
                "format.record.bytes", Integer.toString(recordLength),
                "value.converter", ConnectorFeed.BYTES_CONVERTER), ValueFormat.BYTES);
    }

    private <T> JavaInputDStream<T> fileStream(String operation, String directory, Map<String, String> format,
                                               ValueFormat valueFormat) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException(operation + "(directory): directory must not be empty");
        }
        Map<String, String> config = new java.util.HashMap<>(format);
        config.put("file.path", directory);
        config.put("file.existing", "ignore");
        int id = graph.nextId();
        String topic = topicSafe(appId() + "-files-" + id);
        return new JavaInputDStream<>(this, new SourceNode(id, operation, topic, valueFormat,
                Optional.of(new ConnectorFeed(ConnectorFeed.FILE_CONNECTOR, config))), batchDuration);
    }

    /**
     * The string values a Kafka Connect source connector of the user's publishes: Streamling's
     * {@code receiverStream}. Where Spark runs a custom {@code Receiver}, write a
     * {@code SourceConnector} (declared in {@code META-INF/services}); it runs in-process and its
     * records go through a topic named after the application, so they are durable and replayable.
     */
    public JavaReceiverInputDStream<String> connectorStream(String connectorClass, Map<String, String> config) {
        Objects.requireNonNull(connectorClass, "connectorClass");
        Objects.requireNonNull(config, "config");
        int id = graph.nextId();
        String topic = topicSafe(appId() + "-connector-" + id);
        return new JavaReceiverInputDStream<>(this, new SourceNode(id, "connectorStream", topic, ValueFormat.TEXT,
                Optional.of(new ConnectorFeed(connectorClass, config))), batchDuration);
    }

    /**
     * The string values of an existing Kafka topic, batched by record timestamp. This is the main
     * source when running against a cluster.
     */
    public JavaReceiverInputDStream<String> topicStream(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topicStream(topic): topic must not be empty");
        }
        return new JavaReceiverInputDStream<>(this, new SourceNode(graph.nextId(), "topicStream", topic,
                ValueFormat.TEXT, Optional.empty()), batchDuration);
    }

    /**
     * Internal, for the Structured Streaming sources: a stream of the records of {@code topic} in
     * {@code format}; with a {@code feed} and no topic, of a topic named after the application that
     * the feed fills.
     */
    public <T> JavaInputDStream<T> sourceStream(String operation, String topic, ValueFormat format,
                                                Optional<io.streamling.internal.plan.SourceFeed> feed,
                                                Optional<String> offsetReset) {
        int id = graph.nextId();
        String name = topic != null ? topic : topicSafe(appId() + "-" + operation + "-" + id);
        return new JavaInputDStream<>(this, new SourceNode(id, operation, name, format, feed, offsetReset), batchDuration);
    }

    /**
     * Internal, for {@code KafkaUtils.createDirectStream}: the records of existing topics, each
     * decoded whole by {@code decode}, as one source stream.
     */
    public <T> JavaInputDStream<T> recordStream(String operation, List<String> topics, Optional<String> offsetReset,
                                                Function<KafkaRecord, T> decode) {
        JavaDStream<T> all = null;
        for (String topic : topics) {
            JavaDStream<T> decoded = this.<KafkaRecord>sourceStream(operation, topic,
                    ValueFormat.RECORD, Optional.empty(), offsetReset).map(decode);
            all = all == null ? decoded : all.union(decoded);
        }
        return new JavaInputDStream<>(this, all.node(), topics.get(0), batchDuration);
    }

    /**
     * The context's {@code JavaSparkContext}, as Spark's {@code ssc.sparkContext()}: it makes local
     * RDDs ({@code parallelize}, {@code parallelizePairs}) for initial states and queued batches.
     */
    public JavaSparkContext sparkContext() {
        return new JavaSparkContext();
    }

    /**
     * A stream of the given batches, Spark's {@code queueStream}: one queued batch per batch from
     * the first batch after {@code start()}, or all in the first when {@code oneAtATime} is false.
     * The queue is read when this is called: later changes are not seen, as in Spark. The batches
     * go through a topic named after the application.
     */
    public <T> JavaInputDStream<T> queueStream(Queue<? extends Collection<T>> queue, boolean oneAtATime) {
        return queueStream(queue, oneAtATime, null);
    }

    /** As {@link #queueStream(Queue, boolean)} with one queued batch per batch. */
    public <T> JavaInputDStream<T> queueStream(Queue<? extends Collection<T>> queue) {
        return queueStream(queue, true, null);
    }

    /**
     * As {@link #queueStream(Queue, boolean)}; once the queue is empty every batch gets
     * {@code defaultBatch} ({@code null}: nothing).
     */
    public <T> JavaInputDStream<T> queueStream(Queue<? extends Collection<T>> queue, boolean oneAtATime,
                                               Collection<T> defaultBatch) {
        Objects.requireNonNull(queue, "queue");
        List<List<Object>> batches = queue.stream().map(batch -> (List<Object>) new ArrayList<Object>(batch)).toList();
        QueueFeed feed = new QueueFeed(batches, oneAtATime,
                Optional.ofNullable(defaultBatch).map(ArrayList<Object>::new));
        int id = graph.nextId();
        String topic = topicSafe(appId() + "-queue-" + id);
        return new JavaInputDStream<>(this, new SourceNode(id, "queueStream", topic, ValueFormat.ELEMENTS,
                Optional.of(feed)), batchDuration);
    }

    /**
     * A stream of {@code f} applied, batch by batch, to the batches of the same time of every
     * stream in {@code streams} (in list order), Spark's context-level {@code transform}.
     */
    public <T> JavaDStream<T> transform(List<JavaDStream<?>> streams, Function2<List<JavaRDD<?>>, Time, JavaRDD<T>> f) {
        Objects.requireNonNull(f, "transform function");
        checkTransformInputs(streams);
        return new JavaDStream<>(this, TaggedBatches.transform(streams, (time, batches) -> f.call(
                rdds(batches), time).collect()),
                streams.get(0).slideDuration());
    }

    /** As {@link #transform(List, Function2)}, producing pairs. */
    public <K, V> JavaPairDStream<K, V> transformToPair(List<JavaDStream<?>> streams,
                                                        Function2<List<JavaRDD<?>>, Time, JavaPairRDD<K, V>> f) {
        Objects.requireNonNull(f, "transformToPair function");
        checkTransformInputs(streams);
        return new JavaPairDStream<>(this, TaggedBatches.transform(streams, (time, batches) -> f.call(
                rdds(batches), time).collect()),
                streams.get(0).slideDuration());
    }

    private static List<JavaRDD<?>> rdds(List<List<Object>> batches) {
        List<JavaRDD<?>> rdds = new ArrayList<>();
        batches.forEach(batch -> rdds.add(new JavaRDD<>(batch)));
        return rdds;
    }

    private static void checkTransformInputs(List<JavaDStream<?>> streams) {
        if (streams == null || streams.isEmpty()) {
            throw new IllegalArgumentException("transform needs at least one stream");
        }
        streams.get(0).checkCompatible(streams.subList(1, streams.size()));
    }

    /**
     * Where this program keeps its state, Spark's checkpoint directory: RocksDB stores live there
     * (their changelog topics and the committed offsets are in Kafka, under the application id).
     * Restarting with the same application name and directory resumes where the program stopped.
     */
    public void checkpoint(String directory) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("checkpoint directory must not be empty");
        }
        graph.checkNotFrozen();
        conf.set(StreamingConf.STATE_DIR, directory);
    }

    /**
     * Accepted for compatibility: batches are not kept in memory here (they are in the source
     * topics), so there is nothing to remember.
     */
    public void remember(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.milliseconds() <= 0) {
            throw new IllegalArgumentException("remember duration must be positive, got " + duration);
        }
    }

    /**
     * Spark's {@code getOrCreate}: the program comes from {@code factory} (its code is its
     * definition), and its state from {@code checkpointPath} and Kafka, so a restart resumes where
     * the last run stopped.
     */
    public static JavaStreamingContext getOrCreate(String checkpointPath, Function0<JavaStreamingContext> factory)
            throws Exception {
        JavaStreamingContext context = Objects.requireNonNull(factory.call(), "factory returned no context");
        context.checkpoint(checkpointPath);
        return context;
    }

    /** The context that is active in this JVM, if any. */
    public static Optional<JavaStreamingContext> getActive() {
        return Optional.ofNullable(ACTIVE.get());
    }

    /** The active context, or one made by {@link #getOrCreate(String, Function0)}. */
    public static JavaStreamingContext getActiveOrCreate(String checkpointPath, Function0<JavaStreamingContext> factory)
            throws Exception {
        JavaStreamingContext active = ACTIVE.get();
        return active != null ? active : getOrCreate(checkpointPath, factory);
    }

    /** Per batch, the elements of every stream given; they must share a slide duration. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into an immutable list
    public final <T> JavaDStream<T> union(JavaDStream<T> first, JavaDStream<T>... rest) {
        Objects.requireNonNull(first, "union stream");
        return first.unionAll(List.of(rest));
    }

    /** The configuration (a copy), as Spark's {@code getConf()}. */
    public StreamingConf getConf() {
        StreamingConf copy = new StreamingConf();
        conf.getAll().forEach(copy::set);
        return copy;
    }

    /** Sets where {@code print()} writes; {@code System.out} by default. */
    public void setConsole(PrintStream console) {
        services.setConsole(Objects.requireNonNull(console, "console"));
    }

    /** Registers a listener for batch events. */
    public void addStreamingListener(StreamingListener listener) {
        services.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Records dropped because they arrived after their batch had closed, since start. */
    public long lateRecordCount() {
        return services.lateRecords().total();
    }

    /** Elements dropped or dead-lettered because a user function threw on them, since start. */
    public long failedRecordCount() {
        return services.failedRecords().total();
    }

    /**
     * The Kafka Streams topology this program compiles to, with one partition per source topic and
     * one task per step (partition counts such as {@code reduceByKey(f, 4)}'s give the same results
     * on one task): run it in {@code TopologyTestDriver}, which runs one task per sub-topology, to
     * unit-test the program without a broker.
     */
    public Topology topology() {
        return plan(Map.of(), true);
    }

    /** The topology as it runs against a cluster, with the given partition count per source topic. */
    public Topology topology(Map<String, Integer> sourcePartitions) {
        return plan(sourcePartitions, false);
    }

    private Topology plan(Map<String, Integer> sourcePartitions, boolean oneTaskPerStep) {
        return new DStreamPlanner(RuntimeSettings.from(conf).plannerSettings(clock, sourcePartitions, services,
                oneTaskPerStep)).plan(graph.plan());
    }

    /**
     * Compiles and starts the program. After this no stream or output may be added.
     *
     * @throws IllegalStateException when the context was already started or stopped
     * @throws IllegalArgumentException when a configuration value is bad (the message names the key)
     * @throws StreamlingException when the program cannot be compiled or started
     */
    public synchronized void start() {
        if (state != StreamingContextState.INITIALIZED) {
            throw new IllegalStateException(state == StreamingContextState.ACTIVE
                    ? "StreamingContext has already been started" : "StreamingContext has already been stopped");
        }
        RuntimeSettings settings = RuntimeSettings.from(conf);
        graph.freeze();
        runtime = StreamingRuntime.start(settings, clock, graph.plan(), services, this::fail);
        state = StreamingContextState.ACTIVE;
        ACTIVE.set(this);
        services.streamingStarted(new Time(System.currentTimeMillis()));
    }

    /** The bootstrap servers the running program uses (the embedded broker's by default). */
    public String bootstrapServers() {
        if (runtime == null) {
            throw new IllegalStateException("StreamingContext has not been started");
        }
        return runtime.bootstrapServers();
    }

    /**
     * Waits until the context stops; rethrows the error that stopped it, if any.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
        rethrowFailure();
    }

    /**
     * Waits until the context stops or {@code timeoutMillis} passes.
     *
     * @return true if the context stopped, false on timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTerminationOrTimeout(long timeoutMillis) throws InterruptedException {
        boolean stopped = terminated.await(timeoutMillis, TimeUnit.MILLISECONDS);
        rethrowFailure();
        return stopped;
    }

    /**
     * Streamling: whether the running program has read every source partition to its end, as far
     * as its consumer's latest fetch tells; false when it is not running.
     */
    public boolean sourcesCaughtUp() {
        StreamingRuntime running = runtime;
        return running != null && state == StreamingContextState.ACTIVE && running.sourcesCaughtUp();
    }

    /**
     * Streamling: how long, once the sources are caught up, the open batches may take to close
     * (the idle timeout, the allowed lateness and two batch intervals), as a graceful stop waits.
     */
    public long batchSettleMillis() {
        RuntimeSettings settings = RuntimeSettings.from(conf);
        return settings.idleTimeoutMs() + settings.allowedLatenessMs() + 2 * clock.intervalMs();
    }

    /** The life-cycle state. */
    public StreamingContextState getState() {
        return state;
    }

    /** Stops the program and everything it started (connectors, embedded broker) at once. Idempotent. */
    public void stop() {
        stop(true, false);
    }

    /**
     * Stops the program; {@code stopSparkContext} is accepted for compatibility (there is no other
     * context to stop). A graceful stop first waits until the sources have been read to their end
     * and the open batches have closed (at most the idle timeout plus two batch intervals beyond
     * that, or 60 s in all).
     */
    public void stop(boolean stopSparkContext, boolean stopGracefully) {
        StreamingRuntime running = runtime;
        if (stopGracefully && running != null && state == StreamingContextState.ACTIVE) {
            RuntimeSettings settings = RuntimeSettings.from(conf);
            running.drain(java.time.Duration.ofMillis(settings.idleTimeoutMs() + settings.allowedLatenessMs()
                    + 2 * clock.intervalMs()),
                    java.time.Duration.ofSeconds(60));
        }
        stopNow();
    }

    private synchronized void stopNow() {
        if (state == StreamingContextState.STOPPED) {
            return;
        }
        state = StreamingContextState.STOPPED;
        ACTIVE.compareAndSet(this, null);
        graph.freeze();
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        terminated.countDown();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    StreamGraph graph() {
        return graph;
    }

    private String appId() {
        return conf.get(StreamingConf.APP_NAME).orElse("streamling");
    }

    private void fail(Throwable error) {
        failure.compareAndSet(null, error);
        terminated.countDown();
        Thread stopper = new Thread(this::stopNow, "streamling-stop-after-failure");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void rethrowFailure() {
        Throwable error = failure.get();
        if (error == null) {
            return;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamlingException streamling) {
                throw streamling;
            }
        }
        throw new StreamlingException("Streaming program failed: " + error, error);
    }

    private static String topicSafe(String name) {
        return name.replaceAll("[^a-zA-Z0-9._-]", "_");
    }
}
