package io.streamling.embedded;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;

/** A test source connector that always fails to start, to exercise the FAILED path. */
public class FailingSourceConnector extends SourceConnector {

    static final String REASON = "deliberate start-up failure";

    @Override
    public void start(Map<String, String> props) {
        throw new ConnectException(REASON);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FixedValuesSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public String version() {
        return "test";
    }
}
