package io.streamling.connect.file;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A {@link SourceTaskContext} whose offset store holds the offsets a test says were committed. */
final class FakeSourceTaskContext implements SourceTaskContext {

    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();
    private final Map<String, String> configs;

    FakeSourceTaskContext(Map<String, String> configs) {
        this.configs = configs;
    }

    /** Records a committed offset, as Kafka Connect would after the producer acknowledged it. */
    FakeSourceTaskContext commit(Map<String, ?> partition, Map<String, ?> offset) {
        committed.put(new HashMap<>(partition), new HashMap<>(offset));
        return this;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return committed.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                for (Map<String, T> partition : partitions) {
                    result.put(partition, committed.get(partition)); // null when none, as Connect does
                }
                return result;
            }
        };
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
