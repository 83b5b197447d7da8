package io.streamling.connect.file;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A Kafka Connect distributed worker in its own JVM, for {@link ExactlyOnceCrashIT}: only a
 * distributed worker implements exactly-once source support, and only a separate JVM can be
 * killed uncleanly. Starts the worker, creates (or re-asserts) the connector, and runs until killed.
 *
 * <p>Arguments: the worker properties file and the connector properties file.
 */
public final class DistributedWorkerMain {

    private DistributedWorkerMain() {
    }

    /**
     * @param args worker properties path, connector properties path
     * @throws Exception if the worker or connector cannot be started
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> worker = load(Path.of(args[0]));
        Map<String, String> connector = load(Path.of(args[1]));
        Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(worker);
        // the herder answers only once it joined the group and read the config topic: retry until then
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            FutureCallback<Object> created = new FutureCallback<>();
            connect.herder().putConnectorConfig(connector.get("name"), connector, true,
                    (error, result) -> created.onCompletion(error, result));
            try {
                created.get(30, TimeUnit.SECONDS);
                break;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200); // a separate process's own retry pacing, not test synchronization
            }
        }
        System.out.println("CONNECTOR CREATED");
        connect.awaitStop();
    }

    private static Map<String, String> load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }
}
