package io.streamling.connect.file;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect source connector that publishes every record of the files appearing in a
 * directory to a topic, with the semantics of Spark's {@code StreamingContext.textFileStream(directory)}
 * (or, with {@code file.existing=process}, of the Structured Streaming file source).
 *
 * <p>See {@link FileSourceConfig} for the configuration and {@link FileSourceTask} for how files
 * are found, read, resumed and cleaned up. The connector runs exactly one task: one reader per
 * directory keeps the files in order and the offsets simple. Its offsets are byte-exact, so it
 * supports exactly-once delivery ({@link #exactlyOnceSupport}).
 */
public class FileSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(FileSourceConnector.class);

    private Map<String, String> props;

    /**
     * Creates the connector; Kafka Connect instantiates it reflectively.
     */
    public FileSourceConnector() {
    }

    /**
     * Returns the version of this plugin.
     *
     * @return the project version the plugin was built from
     */
    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Validates the configuration and keeps it for the task.
     *
     * @param props the connector configuration
     * @throws org.apache.kafka.common.config.ConfigException naming the key of an invalid value
     */
    @Override
    public void start(Map<String, String> props) {
        FileSourceConfig config = new FileSourceConfig(props);
        this.props = new HashMap<>(props);
        log.info("Starting file source on {} -> topic '{}'", config.directory(), config.topic());
    }

    /**
     * Returns the task implementation.
     *
     * @return {@link FileSourceTask}
     */
    @Override
    public Class<? extends Task> taskClass() {
        return FileSourceTask.class;
    }

    /**
     * Returns exactly one task configuration, whatever {@code maxTasks} is: one directory is read
     * by one task.
     *
     * @param maxTasks the most tasks allowed (at least 1)
     * @return a list with the single task's configuration
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        if (props == null) {
            throw new IllegalStateException("taskConfigs() called before start()");
        }
        return List.of(new HashMap<>(props));
    }

    /** Stops the connector; the task stops separately. */
    @Override
    public void stop() {
        log.info("Stopping file source");
    }

    /**
     * Returns the configuration definition shared with the task.
     *
     * @return {@link FileSourceConfig#CONFIG_DEF}
     */
    @Override
    public ConfigDef config() {
        return FileSourceConfig.CONFIG_DEF;
    }

    /**
     * Validates each value, then (when they are all valid) the rules between keys, reporting each
     * broken rule on the key to fix.
     *
     * @param connectorConfigs the configuration to check
     * @return the result, with error messages per key
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean valuesValid = result.configValues().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (valuesValid) {
            for (FileSourceConfig.Problem problem : FileSourceConfig.problems(connectorConfigs)) {
                result.configValues().stream().filter(value -> value.name().equals(problem.key())).findFirst()
                        .ifPresent(value -> value.addErrorMessage(problem.exception().getMessage()));
            }
        }
        return result;
    }

    /**
     * Declares exactly-once support: every record's offset is the byte position just after it, and
     * a task resumes at exactly that position, so records and offsets committed in one transaction
     * (worker {@code exactly.once.source.support=enabled}) give each record exactly once.
     *
     * @param connectorConfig the connector configuration
     * @return {@link ExactlyOnceSupport#SUPPORTED}
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts offsets written through the REST API ({@code PATCH /connectors/<name>/offsets}) when
     * they have this connector's shape: partition {@code {path, fingerprint}}, offset
     * {@code {position[, line, since, complete]}} with non-negative integers, or a null offset
     * (a reset: the file is then treated as new).
     *
     * @param connectorConfig the connector configuration
     * @param offsets         the offsets to write, by partition
     * @return {@code true}: the offsets are applied by the framework
     * @throws org.apache.kafka.connect.errors.ConnectException saying what is wrong with an offset
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach((partition, offset) -> {
            FileOffsets.validatePartition(partition);
            if (offset != null) {
                FileOffsets.parse(offset);
            }
        });
        return true;
    }
}
