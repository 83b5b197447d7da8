package io.streamling.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;

/**
 * Runs the file source on its own, from a properties file: an in-process Kafka Connect standalone
 * worker with this connector, against the cluster in {@value #BOOTSTRAP_SERVERS_CONFIG}, or against
 * an embedded single-node broker (topics created, data deleted on exit) when none is given. While
 * files are pending it prints a progress line.
 *
 * <pre>
 * java -jar streamling-connector-file-&lt;version&gt;.jar file-source.properties
 * </pre>
 *
 * <p>The properties are the connector's ({@code topic}, {@code file.path}, ...) plus these runner
 * keys: {@value #BOOTSTRAP_SERVERS_CONFIG}, {@value #OFFSETS_FILE_CONFIG} (where source offsets are
 * kept between runs; default {@code <name>.offsets} in the working directory when a cluster is
 * given), {@value #PROGRESS_INTERVAL_MS_CONFIG}, and {@value #WORKER_PREFIX}{@code *} keys passed to the
 * worker without the prefix (e.g. {@code worker.producer.linger.ms=20}). Unless such keys say
 * otherwise, the worker's producer is idempotent with 5 requests in flight, 256 KiB batches and
 * {@code linger.ms=5} ({@link EmbeddedConnectWorker#SOURCE_PRODUCER_SETTINGS}).
 */
public final class FileSourceStandalone implements AutoCloseable {

    /** Runner key: the Kafka cluster; absent means an embedded broker. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    /** Runner key: the file source offsets are kept in between runs. */
    public static final String OFFSETS_FILE_CONFIG = "offsets.file";
    /** Runner key: how often the progress line is refreshed, in milliseconds (default 1000). */
    public static final String PROGRESS_INTERVAL_MS_CONFIG = "progress.interval.ms";
    /** Runner key prefix: worker properties. */
    public static final String WORKER_PREFIX = "worker.";

    private static final String DEFAULT_NAME = "file-source";

    private final EmbeddedKafkaBroker broker;
    private final EmbeddedConnectWorker worker;
    private final String bootstrapServers;
    private final ScheduledExecutorService progress;

    private FileSourceStandalone(EmbeddedKafkaBroker broker, EmbeddedConnectWorker worker, String bootstrapServers,
                                 ScheduledExecutorService progress) {
        this.broker = broker;
        this.worker = worker;
        this.bootstrapServers = bootstrapServers;
        this.progress = progress;
    }

    /**
     * The worker properties of a runner configuration: its {@value #WORKER_PREFIX}{@code *} keys
     * without the prefix, over {@link EmbeddedConnectWorker#SOURCE_PRODUCER_SETTINGS}.
     *
     * @param properties connector and runner properties
     * @return the worker properties (a new, modifiable map)
     */
    static Map<String, String> workerProperties(Map<String, String> properties) {
        Map<String, String> workerProps = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(WORKER_PREFIX)) {
                workerProps.put(key.substring(WORKER_PREFIX.length()), value);
            }
        });
        return workerProps;
    }

    /**
     * Starts the broker (if needed), the worker and the connector.
     *
     * @param properties   connector and runner properties
     * @param progressOut  where progress lines go
     * @return the running file source; close it to stop everything
     * @throws org.apache.kafka.common.config.ConfigException if the connector configuration is invalid
     * @throws io.streamling.embedded.EmbeddedKafkaException if the broker, worker or connector fails to start
     */
    public static FileSourceStandalone start(Map<String, String> properties, PrintStream progressOut) {
        Logger log = LoggerFactory.getLogger(FileSourceStandalone.class);
        Map<String, String> connector = new HashMap<>();
        Map<String, String> workerProps = workerProperties(properties);
        properties.forEach((key, value) -> {
            if (!key.startsWith(WORKER_PREFIX) && !key.equals(BOOTSTRAP_SERVERS_CONFIG)
                    && !key.equals(OFFSETS_FILE_CONFIG) && !key.equals(PROGRESS_INTERVAL_MS_CONFIG)) {
                connector.put(key, value);
            }
        });
        String name = connector.getOrDefault("name", DEFAULT_NAME);
        connector.put("name", name);
        connector.put("connector.class", FileSourceConnector.class.getName());
        connector.put("tasks.max", "1");
        FileSourceConfig config = new FileSourceConfig(connector); // fail fast, before starting anything
        if (!config.format().isText()) {
            connector.putIfAbsent("value.converter", ByteArrayConverter.class.getName());
        }

        String bootstrap = properties.get(BOOTSTRAP_SERVERS_CONFIG);
        EmbeddedKafkaBroker broker = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            broker = EmbeddedKafkaBroker.start();
            bootstrap = broker.bootstrapServers();
            broker.createTopic(config.topic(), 1);
            if (!config.errorsTopic().isEmpty()) {
                broker.createTopic(config.errorsTopic(), 1);
            }
            progressOut.println("Embedded Kafka broker at " + bootstrap + " (its data is deleted on exit)");
        } else {
            workerProps.putIfAbsent("offset.storage.file.filename", name + ".offsets");
        }
        if (properties.containsKey(OFFSETS_FILE_CONFIG)) {
            workerProps.put("offset.storage.file.filename", properties.get(OFFSETS_FILE_CONFIG));
        }
        EmbeddedConnectWorker worker = null;
        try {
            worker = EmbeddedConnectWorker.start(bootstrap, workerProps);
            worker.startConnector(name, connector);
            log.info("File source '{}' running: {} -> {} at {}", name, config.directory(), config.topic(), bootstrap);
            long interval = Long.parseLong(properties.getOrDefault(PROGRESS_INTERVAL_MS_CONFIG, "1000"));
            ScheduledExecutorService progress = startProgress(name, progressOut, interval);
            return new FileSourceStandalone(broker, worker, bootstrap, progress);
        } catch (RuntimeException e) {
            if (worker != null) {
                worker.close();
            }
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    private static ScheduledExecutorService startProgress(String name, PrintStream out, long intervalMs) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "file-source-progress");
            thread.setDaemon(true);
            return thread;
        });
        boolean console = System.console() != null && out == System.err;
        ProgressReporter reporter = new ProgressReporter(name, out, console);
        executor.scheduleAtFixedRate(reporter::report, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return executor;
    }

    /**
     * The cluster the records go to.
     *
     * @return its bootstrap servers (the embedded broker's when none was configured)
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the connector, the worker and the embedded broker. */
    @Override
    public void close() {
        progress.shutdownNow();
        try {
            worker.close();
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /**
     * Runs the file source until the JVM is interrupted (Ctrl-C).
     *
     * @param args the path of a properties file
     * @throws IOException if the properties file cannot be read
     * @throws InterruptedException if interrupted while running
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("Usage: java -jar streamling-connector-file.jar <file-source.properties>");
            System.exit(2);
        }
        // before the first logger is created: quiet Kafka, keep our INFO lines (a user's setting wins)
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/streamling/connect/file/standalone-logback.xml");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        Map<String, String> props = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> props.put(key, properties.getProperty(key).trim()));
        FileSourceStandalone running = start(props, System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "file-source-shutdown"));
        stopped.await();
    }

    /** Prints the progress line when something moved, read from the task's JMX metrics. */
    private static final class ProgressReporter {
        private final String connector;
        private final PrintStream out;
        private final boolean console;
        private ProgressLine.Snapshot previous;
        private ProgressLine.Snapshot printed;

        ProgressReporter(String connector, PrintStream out, boolean console) {
            this.connector = connector;
            this.out = out;
            this.console = console;
        }

        void report() {
            FileSourceMetricsMXBean metrics = find();
            if (metrics == null) {
                return; // the task is (re)starting
            }
            ProgressLine.Snapshot now = ProgressLine.Snapshot.of(metrics, System.nanoTime());
            if (now.changedSince(printed)) {
                String line = ProgressLine.format(now, previous);
                // on a terminal the line is rewritten in place; in a log file each update is a line
                out.print(console ? "\r" + line + "   " : line + System.lineSeparator());
                out.flush();
                printed = now;
            }
            previous = now;
        }

        private FileSourceMetricsMXBean find() {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            try {
                Set<ObjectName> names = server.queryNames(new ObjectName(FileSourceMetrics.DOMAIN
                        + ":type=FileSourceTask,connector=" + ObjectName.quote(connector) + ",*"), null);
                return names.isEmpty() ? null : JMX.newMXBeanProxy(server, names.iterator().next(),
                        FileSourceMetricsMXBean.class);
            } catch (MalformedObjectNameException e) {
                return null;
            }
        }
    }
}
