package io.streamling.connect.file;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect source connector that publishes every line of the files appearing in a directory
 * to a topic, with the semantics of Spark's {@code StreamingContext.textFileStream(directory)}.
 *
 * <p>See {@link FileSourceConfig} for the configuration and {@link FileSourceTask} for how files
 * are found, read, and resumed. The connector runs exactly one task: one reader per directory
 * keeps the files in order and the offsets simple.
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
}
