package io.streamling.benchmarks;

import io.streamling.connect.file.FileSourceConfig;
import io.streamling.connect.file.FileSourceConnector;
import io.streamling.connect.socket.SocketSourceConfig;
import io.streamling.connect.socket.SocketSourceConnector;
import io.streamling.embedded.EmbeddedConnectWorker;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * Lines per second from a file and from a socket into the broker (a 1-partition topic): Streamling's
 * source connectors, run in the embedded Connect worker ({@link EmbeddedConnectWorker}, in the
 * harness's JVM), against a plain {@code KafkaProducer} reading the same file, or the same socket,
 * line by line. Each is timed from its start until the topic's end offset holds every line. The
 * plain producer runs twice: with the client's defaults (idempotent, 5 requests in flight, 16 KB
 * batches), and with the settings of the worker's producers ({@link #WORKER_PRODUCER}), so that the
 * connector is also compared with a producer configured the same way.
 */
final class ConnectorProbe {

    /** One measured transfer. */
    record Result(String source, String side, int repetition, int lines, double seconds, String error) {
        boolean ok() {
            return error == null;
        }

        double linesPerSecond() {
            return lines / seconds;
        }
    }

    private static final long TIMEOUT_MS = 180_000;

    /** The plain producer with the client's default settings. */
    static final String PLAIN = "plain producer";
    /** The plain producer with the settings of the worker's producers ({@link #WORKER_PRODUCER}). */
    static final String PLAIN_WORKER_SETTINGS = "plain producer, the worker's producer settings";
    /**
     * What the embedded worker's source task producers run with: Connect's {@code acks=all} and the
     * worker's {@link EmbeddedConnectWorker#SOURCE_PRODUCER_SETTINGS}.
     */
    static final Map<String, Object> WORKER_PRODUCER = workerProducerSettings();

    private final Cluster cluster;
    private final Path file;
    private final List<String> lines;
    private int runs;

    private static Map<String, Object> workerProducerSettings() {
        Map<String, Object> settings = new HashMap<>(EmbeddedConnectWorker.SOURCE_PRODUCER_SETTINGS);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return Map.copyOf(settings);
    }

    private ConnectorProbe(Cluster cluster, Path file, List<String> lines) {
        this.cluster = cluster;
        this.file = file;
        this.lines = lines;
    }

    /** Measures each source both ways, {@code repetitions} times in alternating order. */
    static List<Result> measure(Cluster cluster, InputSpec input, Path workDir, int repetitions) throws IOException {
        List<String> lines = new ArrayList<>(input.lines());
        input.iterator().forEachRemaining(line -> lines.add(line.text()));
        Path dir = workDir.resolve("connector-input");
        Runner.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path file = Files.write(dir.resolve("lines.txt"), lines, StandardCharsets.UTF_8);
        ConnectorProbe probe = new ConnectorProbe(cluster, file, lines);
        List<Result> results = new ArrayList<>();
        try (EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(cluster.bootstrapServers())) {
            // repetition 0 warms up (class loading, JIT, the worker's first connector) and is not reported
            for (int rep = 0; rep <= repetitions; rep++) {
                boolean connectorFirst = rep % 2 == 0;
                for (String source : List.of("file", "socket")) {
                    List<String> sides = new ArrayList<>(List.of("connector", PLAIN, PLAIN_WORKER_SETTINGS));
                    if (!connectorFirst) {
                        java.util.Collections.reverse(sides);
                    }
                    for (String side : sides) {
                        Result result = probe.run(worker, source, side, rep);
                        System.out.println(describe(result));
                        if (rep > 0) {
                            results.add(result);
                        }
                    }
                }
            }
        }
        return results;
    }

    static String describe(Result result) {
        return result.ok()
                ? String.format(Locale.ROOT, "connector %-6s %-26s r%d %7.2f s %,10.0f lines/s", result.source(),
                        result.side(), result.repetition(), result.seconds(), result.linesPerSecond())
                : String.format(Locale.ROOT, "connector %-6s %-26s r%d FAILED: %s", result.source(), result.side(),
                        result.repetition(), result.error());
    }

    private Result run(EmbeddedConnectWorker worker, String source, String kind, int repetition) {
        boolean connector = kind.equals("connector");
        String side = connector ? (source.equals("file") ? "FileSourceConnector" : "SocketSourceConnector") : kind;
        String topic = "connector-" + (++runs) + "-" + source + (connector ? "-connector" : "-producer");
        try (LineServer server = source.equals("socket") ? new LineServer(lines) : null) {
            cluster.createTopic(topic, 1);
            long started = System.nanoTime();
            if (connector) {
                worker.startConnector(topic, connectorConfig(source, topic, server));
            }
            Thread producer = connector ? null : startProducer(source, topic, server,
                    kind.equals(PLAIN) ? Map.of() : WORKER_PRODUCER);
            awaitAll(topic);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (connector) {
                worker.stopConnector(topic);
            } else {
                producer.join();
            }
            return new Result(source, side, repetition, lines.size(), seconds, null);
        } catch (RuntimeException | IOException | InterruptedException e) {
            return new Result(source, side, repetition, lines.size(), Double.NaN, e.toString());
        } finally {
            try {
                cluster.deleteTopics(topic, topic + "-");
            } catch (RuntimeException e) {
                System.err.println("could not delete " + topic + ": " + e.getMessage());
            }
        }
    }

    private Map<String, String> connectorConfig(String source, String topic, LineServer server) {
        Map<String, String> config = new HashMap<>();
        config.put("tasks.max", "1");
        config.put("value.converter", StringConverter.class.getName());
        config.put("key.converter", StringConverter.class.getName());
        if (source.equals("file")) {
            config.put("connector.class", FileSourceConnector.class.getName());
            config.put(FileSourceConfig.TOPIC_CONFIG, topic);
            config.put(FileSourceConfig.FILE_PATH_CONFIG, file.getParent().toString());
            config.put(FileSourceConfig.FILE_EXISTING_CONFIG, "process");
        } else {
            config.put("connector.class", SocketSourceConnector.class.getName());
            config.put(SocketSourceConfig.TOPIC, topic);
            config.put(SocketSourceConfig.SOCKET_HOST, "127.0.0.1");
            config.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(server.port()));
        }
        return config;
    }

    /**
     * The plain producer: reads the file, or the socket, line by line and sends each line.
     *
     * @param settings producer settings on top of the client's defaults
     */
    private Thread startProducer(String source, String topic, LineServer server, Map<String, Object> settings) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        Thread thread = new Thread(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config,
                    new StringSerializer(), new StringSerializer());
                 BufferedReader reader = source.equals("file") ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                         : new BufferedReader(new InputStreamReader(
                                 new Socket(InetAddress.getLoopbackAddress(), server.port()).getInputStream(),
                                 StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    producer.send(new ProducerRecord<>(topic, line), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                }
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
            if (failure.get() != null) {
                System.err.println("plain producer of " + topic + " failed: " + failure.get());
            }
        }, "plain-producer-" + topic);
        thread.start();
        return thread;
    }

    private void awaitAll(String topic) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        TopicPartition partition = new TopicPartition(topic, 0);
        while (true) {
            long end;
            try {
                end = cluster.endOffsets(topic, 1).get(partition);
            } catch (RuntimeException e) {
                end = -1; // a topic just created may not be in the metadata yet
            }
            if (end >= lines.size()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(topic + " did not get all " + lines.size() + " lines in time");
            }
            Thread.sleep(5); // polling the broker's end offset, the benchmark's clock
        }
    }

    /** Serves the lines once, to the first client, then closes that connection. */
    private static final class LineServer implements AutoCloseable {
        private final ServerSocket socket;

        LineServer(List<String> lines) throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread serve = new Thread(() -> {
                try (Socket client = socket.accept();
                     Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(),
                             StandardCharsets.UTF_8), 1 << 16)) {
                    for (String line : lines) {
                        out.write(line);
                        out.write('\n');
                    }
                } catch (IOException e) {
                    if (!socket.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, "line-server");
            serve.setDaemon(true);
            serve.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
