package io.streamling.connect.socket.standalone;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.streamling.connect.socket.SocketSourceConfig;
import io.streamling.connect.socket.SocketSourceConnector;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import org.slf4j.LoggerFactory;

/**
 * Runs the socket source on its own, from its jar and one properties file: an in-process Kafka Connect
 * worker (standalone mode) with this connector, writing to the Kafka cluster named by
 * {@code bootstrap.servers}, or, when that key is absent, to an embedded single-node broker started
 * here (its address is printed).
 *
 * <p>The properties file holds the connector's keys ({@link SocketSourceConfig}) plus:
 * <ul>
 *   <li>{@code name}: the connector name (default {@value #DEFAULT_NAME});</li>
 *   <li>{@code bootstrap.servers}: the Kafka cluster; absent = embedded broker;</li>
 *   <li>{@code embedded.topic.partitions}: partitions of the topic created on the embedded broker (default 1);</li>
 *   <li>{@code worker.*}: Connect worker properties without the prefix, e.g.
 *       {@code worker.producer.linger.ms=5}.</li>
 * </ul>
 * Connect converters default to {@code StringConverter}; set {@code value.converter} for other framings.
 * The worker's producer is idempotent, so a retried request cannot duplicate a line, with 5 requests
 * in flight and batches for throughput ({@link io.streamling.embedded.EmbeddedConnectWorker#SOURCE_PRODUCER_SETTINGS};
 * Connect's own defaults halve the lines per second, see docs/benchmarks/connector-socket.md); any
 * {@code worker.producer.*} key overrides these.
 *
 * <pre>java -jar streamling-connector-socket-VERSION.jar socket-source.properties</pre>
 */
public final class SocketSourceStandalone implements AutoCloseable {

    /** The Kafka cluster key; absent = embedded broker. */
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    /** Prefix of Connect worker properties. */
    public static final String WORKER_PREFIX = "worker.";
    /** Partitions of the topic created on the embedded broker. */
    public static final String EMBEDDED_TOPIC_PARTITIONS = "embedded.topic.partitions";
    /** Connector name when the file has no {@code name}. */
    public static final String DEFAULT_NAME = "socket-source";

    private final EmbeddedKafkaBroker broker; // null with an external cluster
    private final EmbeddedConnectWorker worker;
    private final String bootstrapServers;
    private final String connectorName;

    private SocketSourceStandalone(EmbeddedKafkaBroker broker, EmbeddedConnectWorker worker, String bootstrapServers,
                                   String connectorName) {
        this.broker = broker;
        this.worker = worker;
        this.bootstrapServers = bootstrapServers;
        this.connectorName = connectorName;
    }

    /**
     * Starts the broker (if needed), the worker and the connector, and waits until its task runs.
     *
     * @param properties the file's properties (see the class comment)
     * @return the running source; close it to stop everything
     * @throws org.apache.kafka.common.config.ConfigException naming the key if the connector configuration is invalid
     */
    public static SocketSourceStandalone start(Map<String, String> properties) {
        Map<String, String> connector = new HashMap<>();
        Map<String, String> workerProps = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(WORKER_PREFIX)) {
                workerProps.put(key.substring(WORKER_PREFIX.length()), value);
            } else if (!key.equals(BOOTSTRAP_SERVERS) && !key.equals(EMBEDDED_TOPIC_PARTITIONS)) {
                connector.put(key, value);
            }
        });
        connector.put("connector.class", SocketSourceConnector.class.getName());
        String name = connector.computeIfAbsent("name", k -> DEFAULT_NAME);
        SocketSourceConfig config = new SocketSourceConfig(connector); // fail before starting anything

        EmbeddedKafkaBroker broker = null;
        String bootstrap = properties.get(BOOTSTRAP_SERVERS);
        EmbeddedConnectWorker worker = null;
        try {
            if (bootstrap == null || bootstrap.isBlank()) {
                broker = EmbeddedKafkaBroker.start();
                bootstrap = broker.bootstrapServers();
                // the embedded broker never auto-creates topics
                broker.createTopic(config.topic(), Integer.parseInt(properties.getOrDefault(EMBEDDED_TOPIC_PARTITIONS, "1")));
            }
            worker = EmbeddedConnectWorker.start(bootstrap, workerProps);
            worker.startConnector(name, connector);
            return new SocketSourceStandalone(broker, worker, bootstrap, name);
        } catch (RuntimeException e) {
            closeQuietly(worker);
            closeQuietly(broker);
            throw e;
        }
    }

    /** @return the Kafka cluster written to (the embedded broker's address when there is one) */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return whether the broker runs in this JVM */
    public boolean embeddedBroker() {
        return broker != null;
    }

    /** @return the connector's name */
    public String connectorName() {
        return connectorName;
    }

    /** Stops the connector and worker, then the embedded broker if any. Idempotent. */
    @Override
    public void close() {
        closeQuietly(worker);
        closeQuietly(broker);
    }

    /**
     * {@code java -jar streamling-connector-socket.jar <connector.properties>}: runs until killed.
     * Prints where it writes to standard error.
     *
     * @param args one argument, the properties file
     * @throws IOException          if the file cannot be read
     * @throws InterruptedException if the main thread is interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("Usage: java -jar streamling-connector-socket.jar <connector.properties>");
            System.exit(2);
            return;
        }
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            file.load(in);
        }
        Map<String, String> properties = new HashMap<>();
        file.stringPropertyNames().forEach(key -> properties.put(key, file.getProperty(key).trim()));
        SocketSourceStandalone running = start(properties);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "socket-source-shutdown"));
        System.err.println("Socket source '" + running.connectorName() + "' running; Kafka at "
            + running.bootstrapServers() + (running.embeddedBroker() ? " (embedded)" : "") + ". Ctrl-C stops it.");
        stopped.await();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(SocketSourceStandalone.class).warn("Error while stopping {}", c, e);
        }
    }
}
