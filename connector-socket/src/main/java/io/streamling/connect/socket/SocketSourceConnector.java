package io.streamling.connect.socket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect source connector that reads newline-delimited text from a TCP server, as a client,
 * and writes one String record per line: Spark's {@code socketTextStream} as a Connect plugin.
 *
 * <p>Configuration: {@link SocketSourceConfig}. Behaviour of the single task: {@link SocketSourceTask}.
 * Delivery is at-most-once with respect to the peer (a socket cannot be replayed), so
 * {@link #exactlyOnceSupport(Map)} answers {@link ExactlyOnceSupport#UNSUPPORTED}.
 */
public class SocketSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(SocketSourceConnector.class);

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
        log.info("Socket source connector started for {}:{} -> topic {}", config.host(), config.port(), config.topic());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SocketSourceTask.class;
    }

    /**
     * Always returns exactly one task configuration, whatever {@code maxTasks} is: one TCP connection
     * is one ordered byte stream that cannot be split between tasks, and a second task would open a
     * second connection, which a line server like {@code nc -lk} answers with the same text again
     * (duplicates) or not at all.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(new HashMap<>(props));
    }

    @Override
    public void stop() {
        // nothing to release: the task owns the socket
    }

    @Override
    public ConfigDef config() {
        return SocketSourceConfig.CONFIG_DEF;
    }

    /**
     * A socket cannot be replayed, so offsets cannot make a restarted task resume at exactly the next
     * line: exactly-once is not supported.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }
}
