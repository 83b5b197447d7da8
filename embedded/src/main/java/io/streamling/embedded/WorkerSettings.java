package io.streamling.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.storage.StringConverter;

/** The settings of an in-process standalone Connect worker sized for tests. */
final class WorkerSettings {

    private WorkerSettings() {
    }

    /**
     * Builds the worker configuration; {@code overrides} win over every default.
     *
     * @param offsetsFile where source offsets are kept, inside the worker's private directory
     */
    static Map<String, String> of(String bootstrapServers, Path offsetsFile, Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        // plain strings by default; a connector config may still set its own converters
        p.put("key.converter", StringConverter.class.getName());
        p.put("value.converter", StringConverter.class.getName());
        p.put("offset.storage.file.filename", offsetsFile.toString());
        // flush offsets often so a restarted connector resumes close to where it stopped
        p.put("offset.flush.interval.ms", "1000");
        // ServiceLoader discovery reads META-INF/services only: ≈1 s instead of ≈7 s for a classpath scan
        p.put("plugin.discovery", "service_load");
        // the REST server always starts; let the OS pick a free loopback port
        p.put("listeners", "http://127.0.0.1:0");
        EmbeddedConnectWorker.SOURCE_PRODUCER_SETTINGS.forEach((key, value) -> p.put("producer." + key, value));
        p.putAll(overrides);
        return p;
    }
}
