package io.streamling.embedded;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/** A test source connector that writes {@link #VALUES} to the topic named by {@code topic}, once. */
public class FixedValuesSourceConnector extends SourceConnector {

    /** The values emitted, in this order. */
    static final List<String> VALUES = List.of("one", "two", "three", "four", "five");
    static final String TOPIC_CONFIG = "topic";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic to write to");

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FixedValuesSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props); // one list, one task: keeps the output in order
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "test";
    }
}
