package io.streamling.connect.socket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect source connector that reads newline-delimited text (or length-prefixed frames) from
 * TCP connections and writes one record per line: Spark's {@code socketTextStream} as a Connect plugin.
 * In client mode (the default) it connects to a server; in server mode it listens for clients.
 *
 * <p>Configuration: {@link SocketSourceConfig}. Behaviour of the single task: {@link SocketSourceTask}.
 * Delivery is at-most-once with respect to the peer (a socket cannot be replayed), so
 * {@link #exactlyOnceSupport(Map)} answers {@link ExactlyOnceSupport#UNSUPPORTED}.
 */
public class SocketSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(SocketSourceConnector.class);

    /** Connect's own key for the wanted task count; only read to warn about it. */
    static final String TASKS_MAX = "tasks.max";

    private Map<String, String> props;

    /** Creates a connector; Connect calls {@link #start(Map)} next. */
    public SocketSourceConnector() {
    }

    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Validates the configuration up front, so that a bad key fails the connector rather than its task.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key if the configuration is invalid
     */
    @Override
    public void start(Map<String, String> props) {
        SocketSourceConfig config = new SocketSourceConfig(props);
        this.props = Map.copyOf(props);
        log.info("Socket source connector started in {} mode for {}:{} -> topic {}", config.mode().configValue(),
            config.host(), config.port(), config.topic());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SocketSourceTask.class;
    }

    /**
     * Always returns exactly one task configuration, whatever {@code maxTasks} is. Client mode: one TCP
     * connection is one ordered byte stream that cannot be split, and a second connection would get
     * the server's text again (duplicates) or not at all. Server mode: only one listener can own the
     * port.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(new HashMap<>(props));
    }

    @Override
    public void stop() {
        // nothing to release: the task owns the sockets
    }

    @Override
    public ConfigDef config() {
        return SocketSourceConfig.CONFIG_DEF;
    }

    /**
     * Validates every key, then the rules between keys (reported on the key to change), and logs
     * warnings that are not errors: more than one task asked for, and server mode, whose listening
     * address moves with the task when a distributed Connect cluster rebalances.
     *
     * @param connectorConfigs the candidate configuration
     * @return the per-key results Connect's REST API shows
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean keysValid = result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!keysValid) {
            return result; // the cross-field rules need every key parsed
        }
        // parsed without the cross-field check, so that every violation is reported, not the first
        SocketSourceConfig config = new SocketSourceConfig(connectorConfigs, false);
        Map<String, String> errors = config.crossFieldErrors();
        for (ConfigValue value : result.configValues()) {
            String error = errors.get(value.name());
            if (error != null) {
                value.addErrorMessage(value.name() + " " + error);
            }
        }
        warnAboutPlacement(connectorConfigs, config);
        return result;
    }

    private static void warnAboutPlacement(Map<String, String> props, SocketSourceConfig config) {
        String tasksMax = props.get(TASKS_MAX);
        if (tasksMax != null && !tasksMax.trim().equals("1")) {
            log.warn("Socket source '{}': {}={} but this connector always runs exactly one task (one socket "
                + "stream cannot be split; one listener owns a port)", props.get(SocketSourceTask.CONNECTOR_NAME),
                TASKS_MAX, tasksMax);
        }
        if (config.mode() == SocketSourceConfig.Mode.SERVER) {
            log.warn("Socket source '{}' in server mode listens on {}:{} of whichever worker runs its task. In a "
                + "distributed Connect cluster a rebalance can move the task to another worker: clients must then "
                + "connect to that host, and the port must be free on every worker. Run it on a one-worker "
                + "cluster (or standalone), or use client mode.", props.get(SocketSourceTask.CONNECTOR_NAME),
                config.host(), config.port());
        }
    }

    /**
     * A connector that cannot be replayed cannot resume at exactly the next line after a crash, so
     * exactly-once is not supported (see the README for what the worker's exactly-once mode still gives).
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }
}
