package io.streamling.connect.socket;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import javax.management.JMException;
import javax.management.ObjectName;

import io.streamling.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.storage.StringConverter;

/** What the integration tests share: connector configs, a topic reader, the worker's REST API, JMX. */
final class ItSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ItSupport() {
    }

    /** A client-mode connector config for the Connect worker (4 tasks asked for: one is created). */
    static Map<String, String> clientConnector(String topic, int port) {
        Map<String, String> config = base(topic);
        config.put(SocketSourceConfig.SOCKET_HOST, "127.0.0.1");
        config.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(port));
        config.put(SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, "50");
        config.put(SocketSourceConfig.RECONNECT_BACKOFF_MAX_MS, "500");
        return config;
    }

    /** A server-mode connector config listening on a free loopback port (see {@link #localPort}). */
    static Map<String, String> serverConnector(String topic) {
        Map<String, String> config = base(topic);
        config.put(SocketSourceConfig.SOCKET_MODE, "server");
        config.put(SocketSourceConfig.SOCKET_PORT, "0");
        return config;
    }

    private static Map<String, String> base(String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", SocketSourceConnector.class.getName());
        config.put("tasks.max", "4");
        config.put("value.converter", StringConverter.class.getName());
        config.put("key.converter", StringConverter.class.getName());
        config.put(SocketSourceConfig.TOPIC, topic);
        return config;
    }

    // ---------------------------------------------------------------- JMX (the task runs in this JVM)

    /** @return a metric of the connector's task, read over JMX */
    static Object metric(String connector, String attribute) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(SocketSourceMetrics.objectName(connector), attribute);
        } catch (JMException e) {
            throw new IllegalStateException("No metric " + attribute + " for " + connector + ": " + e, e);
        }
    }

    static long count(String connector, String attribute) {
        return ((Number) metric(connector, attribute)).longValue();
    }

    /** @return the port a server-mode connector listens on, once its task has bound it */
    static int localPort(String connector) {
        ObjectName name = SocketSourceMetrics.objectName(connector);
        await().atMost(TIMEOUT).until(() -> ManagementFactory.getPlatformMBeanServer().isRegistered(name));
        return ((Number) metric(connector, "LocalPort")).intValue();
    }

    // ---------------------------------------------------------------- Connect REST

    static String status(String restUrl, String connector) {
        return http("GET", restUrl + "/connectors/" + connector + "/status");
    }

    static void pause(String restUrl, String connector) {
        http("PUT", restUrl + "/connectors/" + connector + "/pause");
        await().atMost(TIMEOUT).until(() -> status(restUrl, connector).replace(" ", "").matches(
            "(?s).*\"tasks\":\\[\\{[^}]*\"state\":\"PAUSED\".*"));
    }

    static void resume(String restUrl, String connector) {
        http("PUT", restUrl + "/connectors/" + connector + "/resume");
    }

    /** @return whether the connector's single task is FAILED */
    static boolean taskFailed(String restUrl, String connector) {
        return status(restUrl, connector).replace(" ", "").matches("(?s).*\"tasks\":\\[\\{[^}]*\"state\":\"FAILED\".*");
    }

    private static String http(String method, String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- topics

    /** Reads a topic from the beginning, all partitions, no consumer group. */
    static final class TopicReader<V> implements AutoCloseable {
        private final KafkaConsumer<String, V> consumer;
        final List<ConsumerRecord<String, V>> records = new ArrayList<>();

        private TopicReader(KafkaConsumer<String, V> consumer, String topic, int partitions) {
            this.consumer = consumer;
            consumer.assign(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList());
            consumer.seekToBeginning(consumer.assignment());
        }

        static TopicReader<String> strings(EmbeddedKafkaBroker broker, String topic) {
            return strings(broker.bootstrapServers(), topic, broker.partitionCount(topic));
        }

        static TopicReader<String> strings(String bootstrapServers, String topic, int partitions) {
            return new TopicReader<>(new KafkaConsumer<>(props(bootstrapServers), new StringDeserializer(),
                new StringDeserializer()), topic, partitions);
        }

        static TopicReader<byte[]> bytes(EmbeddedKafkaBroker broker, String topic) {
            return new TopicReader<>(new KafkaConsumer<>(props(broker.bootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer()), topic, broker.partitionCount(topic));
        }

        private static Map<String, Object> props(String bootstrapServers) {
            return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        }

        /** Polls until at least {@code n} records were read; returns all read so far. */
        List<ConsumerRecord<String, V>> readAtLeast(int n) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> {
                pollOnce();
                return records.size() >= n;
            });
            return records;
        }

        /** Polls until the values read so far satisfy {@code done}, then {@code quiet} more without new records. */
        List<V> readUntil(Predicate<List<V>> done, Duration quiet) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> {
                pollOnce();
                return done.test(values());
            });
            int n = records.size();
            await().during(quiet).atMost(quiet.plusSeconds(30)).until(() -> {
                pollOnce();
                return records.size() == n;
            });
            return values();
        }

        /** Polls for {@code quiet} and asserts nothing beyond {@code n} records arrives. */
        List<ConsumerRecord<String, V>> readExactly(int n, Duration quiet) {
            readAtLeast(n);
            await().during(quiet).atMost(quiet.plusSeconds(30)).until(() -> {
                pollOnce();
                return records.size() == n;
            });
            return records;
        }

        void pollOnce() {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }

        List<V> values() {
            return records.stream().map(ConsumerRecord::value).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
