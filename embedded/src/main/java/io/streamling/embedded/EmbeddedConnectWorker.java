package io.streamling.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect standalone worker running inside this JVM, against any Kafka cluster
 * (typically an {@link EmbeddedKafkaBroker}).
 *
 * <p>Connector plugins are found with {@code plugin.discovery=service_load}: a connector on the
 * class path must be listed in {@code META-INF/services/org.apache.kafka.connect.source.SourceConnector}
 * (or {@code ...sink.SinkConnector}). Keys and values default to {@code StringConverter}.
 * Source offsets go to a file in the worker's own temporary directory, deleted on close.
 *
 * <p>Exactly-once source support ({@code exactly.once.source.support}) can be passed through
 * the worker overrides, but note that Kafka implements it for distributed workers only; a
 * standalone worker ignores it.
 */
public final class EmbeddedConnectWorker implements AutoCloseable {

    /**
     * The producer settings of the worker's source tasks (worker keys {@code producer.*}), on top of
     * what Connect sets itself ({@code acks=all}, retries without end). Connect's default of one
     * request in flight without idempotence keeps records in order by waiting for every request;
     * idempotence keeps them in order with five in flight, and larger batches, with a short linger to
     * fill them, cut the requests per record: together about twice the lines per second of Connect's
     * defaults from a file (docs/benchmarks.md, "Connectors"). Worker overrides still win.
     */
    public static final Map<String, String> SOURCE_PRODUCER_SETTINGS = Map.of(
            "enable.idempotence", "true",
            "max.in.flight.requests.per.connection", "5",
            "batch.size", "262144",
            "linger.ms", "5");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnectWorker.class);

    private static final Duration HERDER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

    private final Connect<StandaloneHerder> connect;
    private final Path directory;
    private final String restUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedConnectWorker(Connect<StandaloneHerder> connect, Path directory) {
        this.connect = connect;
        this.directory = directory;
        // the server URL carries the port the OS picked for "listeners=http://127.0.0.1:0"
        this.restUrl = connect.rest().serverUrl().toString().replaceAll("/+$", "");
    }

    /**
     * Starts a standalone worker with the default settings.
     *
     * @param bootstrapServers the Kafka cluster the worker reads from and writes to
     * @return the running worker; close it to stop it and delete its files
     * @throws EmbeddedKafkaException if the worker cannot start
     */
    public static EmbeddedConnectWorker start(String bootstrapServers) {
        return start(bootstrapServers, Map.of());
    }

    /**
     * Starts a standalone worker whose configuration is the default settings overlaid with
     * {@code workerOverrides} (Connect worker property names).
     *
     * @param bootstrapServers the Kafka cluster the worker reads from and writes to
     * @param workerOverrides worker properties that replace or extend the defaults
     * @return the running worker; close it to stop it and delete its files
     * @throws EmbeddedKafkaException if the worker cannot start
     */
    public static EmbeddedConnectWorker start(String bootstrapServers, Map<String, String> workerOverrides) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(workerOverrides, "workerOverrides");
        long started = System.nanoTime();
        Path directory = TempDirectories.create("streamling-connect-");
        Map<String, String> props = WorkerSettings.of(bootstrapServers, directory.resolve("connect.offsets"), workerOverrides);
        // startConnect installs Connect's plugin class loader as this thread's context loader: undo that
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        try {
            Connect<StandaloneHerder> connect = ExitGuard.call("Embedded Connect worker start",
                    () -> new ConnectStandalone().startConnect(props));
            EmbeddedConnectWorker worker = new EmbeddedConnectWorker(connect, directory);
            LOG.info("Embedded Connect worker for {} listening on {} (started in {} ms)", bootstrapServers,
                    worker.restUrl, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return worker;
        } catch (RuntimeException e) {
            deleteQuietly(directory);
            throw e instanceof EmbeddedKafkaException ek ? ek
                    : new EmbeddedKafkaException("Embedded Connect worker failed to start: " + e.getMessage(), e);
        } catch (Error e) {
            deleteQuietly(directory);
            throw e;
        } finally {
            thread.setContextClassLoader(contextLoader);
        }
    }

    /**
     * Creates a connector and waits (bounded) until it and all its tasks are RUNNING.
     * The {@code name} property is filled in from {@code name}. If the connector fails or does
     * not get there in time it is removed again, so the same name can be retried.
     *
     * @param name the connector name, unique within this worker
     * @param connectorConfig the connector configuration, at least {@code connector.class}
     * @throws EmbeddedKafkaException naming the connector and the reason (invalid configuration,
     *     name already in use, FAILED with its stack trace, or timeout with the last states seen)
     */
    public void startConnector(String name, Map<String, String> connectorConfig) {
        Objects.requireNonNull(name, "name");
        Map<String, String> config = new HashMap<>(connectorConfig);
        String configuredName = config.putIfAbsent(ConnectorConfig.NAME_CONFIG, name);
        if (configuredName != null && !configuredName.equals(name)) {
            throw new IllegalArgumentException("Connector config names '" + configuredName + "', expected '" + name + "'");
        }
        // checked first because the herder validates the config before the name, and a failed
        // start below removes the connector: that must never hit one started earlier
        if (connectorNames().contains(name)) {
            throw new EmbeddedKafkaException("Connector '" + name + "' already exists on this worker");
        }
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        herder().putConnectorConfig(name, config, false, created);
        try {
            await(created, "Connector '" + name + "' was rejected");
        } catch (EmbeddedKafkaException e) {
            if (e.getCause() instanceof AlreadyExistsException) {
                throw e; // created concurrently by someone else: leave it alone
            }
            // standalone mode stores a connector whose start() threw and reports only "Failed to
            // transition connector ... to state STARTED"; the real reason is in its FAILED status
            EmbeddedKafkaException failure = failureReason(name)
                    .map(reason -> new EmbeddedKafkaException("Connector '" + name + "' failed to start, " + reason, e))
                    .orElse(e);
            removeQuietly(name);
            throw failure;
        }
        try {
            awaitRunning(name);
        } catch (RuntimeException e) {
            removeQuietly(name);
            throw e;
        }
    }

    private Collection<String> connectorNames() {
        FutureCallback<Collection<String>> names = new FutureCallback<>();
        herder().connectors(names);
        return await(names, "Cannot list the connectors");
    }

    private Optional<String> failureReason(String name) {
        try {
            return ConnectorStatuses.failure(herder().connectorStatus(name));
        } catch (NotFoundException e) {
            return Optional.empty(); // rejected before it was stored
        }
    }

    private void awaitRunning(String name) {
        FutureCallback<List<TaskInfo>> taskConfigs = new FutureCallback<>();
        herder().taskConfigs(name, taskConfigs);
        int expectedTasks = await(taskConfigs, "Cannot read the task configurations of connector '" + name + "'").size();
        AtomicReference<ConnectorStateInfo> last = new AtomicReference<>();
        Deadline.await(RUNNING_TIMEOUT, () -> {
            ConnectorStateInfo status = herder().connectorStatus(name);
            last.set(status);
            // a FAILED connector or task never recovers by itself: report it instead of waiting
            ConnectorStatuses.failure(status).ifPresent(reason -> {
                throw new EmbeddedKafkaException("Connector '" + name + "' failed to start, " + reason);
            });
            return ConnectorStatuses.allRunning(status, expectedTasks);
        }, () -> "Connector '" + name + "' did not reach RUNNING with " + expectedTasks + " task(s), last status "
                + (last.get() == null ? "unknown" : ConnectorStatuses.describe(last.get())));
    }

    /**
     * Stops a connector and its tasks and removes it from the worker (its committed source
     * offsets stay in the offsets file), so {@link #startConnector} may reuse the name.
     *
     * @param name the connector name
     * @throws EmbeddedKafkaException if there is no such connector or it does not stop in time
     */
    public void stopConnector(String name) {
        Objects.requireNonNull(name, "name");
        FutureCallback<Herder.Created<ConnectorInfo>> deleted = new FutureCallback<>();
        herder().deleteConnectorConfig(name, deleted);
        await(deleted, "Cannot stop connector '" + name + "'");
    }

    /**
     * The base URL of the worker's REST API, without a trailing slash.
     *
     * @return for example {@code "http://127.0.0.1:41234"}
     */
    public String restUrl() {
        return restUrl;
    }

    /**
     * Stops all connectors and the worker, waits for it to finish, and deletes its temporary
     * directory (with the offsets file). Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            connect.stop();
            connect.awaitStop();
        } finally {
            deleteQuietly(directory);
        }
        LOG.info("Embedded Connect worker {} stopped", restUrl);
    }

    private StandaloneHerder herder() {
        if (closed.get()) {
            throw new EmbeddedKafkaException("Embedded Connect worker " + restUrl + " is closed");
        }
        return connect.herder();
    }

    private void removeQuietly(String name) {
        try {
            stopConnector(name);
        } catch (RuntimeException e) {
            LOG.debug("Could not remove connector '{}' after it failed to start", name, e);
        }
    }

    private static <T> T await(FutureCallback<T> callback, String failure) {
        try {
            return callback.get(HERDER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException(failure + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException(failure + ": no answer within " + HERDER_TIMEOUT.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException(failure + ": interrupted", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            TempDirectories.deleteRecursively(dir);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
