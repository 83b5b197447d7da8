package io.streamling.streaming.api.java;

import io.streamling.StreamlingException;
import io.streamling.internal.plan.SocketEndpoint;
import io.streamling.internal.plan.QueueFeed;
import io.streamling.internal.plan.SourceNode;
import io.streamling.internal.plan.SourceNode.ValueFormat;
import io.streamling.internal.plan.StreamGraph;
import io.streamling.internal.planner.DStreamPlanner;
import io.streamling.internal.runner.RuntimeSettings;
import io.streamling.internal.runner.StreamingRuntime;
import io.streamling.internal.runtime.BatchClock;
import io.streamling.internal.runtime.RuntimeServices;
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
                ValueFormat.TEXT, Optional.of(endpoint)), batchDuration);
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

    /** Per batch, the elements of every stream given; they must share a slide duration. */
    @SafeVarargs
    public final <T> JavaDStream<T> union(JavaDStream<T> first, JavaDStream<T>... rest) {
        Objects.requireNonNull(first, "union stream");
        return first.unionAll(List.of(rest));
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
     * The Kafka Streams topology this program compiles to, with one partition per source topic:
     * run it in {@code TopologyTestDriver} to unit-test the program without a broker.
     */
    public Topology topology() {
        return topology(Map.of());
    }

    /** As {@link #topology()}, with the given partition count per source topic. */
    public Topology topology(Map<String, Integer> sourcePartitions) {
        return new DStreamPlanner(RuntimeSettings.from(conf).plannerSettings(clock, sourcePartitions, services))
                .plan(graph.plan());
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

    /** The life-cycle state. */
    public StreamingContextState getState() {
        return state;
    }

    /** Stops the program and everything it started (connectors, embedded broker). Idempotent. */
    public synchronized void stop() {
        if (state == StreamingContextState.STOPPED) {
            return;
        }
        state = StreamingContextState.STOPPED;
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
        Thread stopper = new Thread(this::stop, "streamling-stop-after-failure");
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
