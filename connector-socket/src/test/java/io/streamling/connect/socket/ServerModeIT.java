package io.streamling.connect.socket;

import static io.streamling.connect.socket.ItSupport.TIMEOUT;
import static io.streamling.connect.socket.ItSupport.count;
import static io.streamling.connect.socket.ItSupport.localPort;
import static io.streamling.connect.socket.ItSupport.serverConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.streamling.connect.socket.ItSupport.TopicReader;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Server mode inside a real Connect worker and broker. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ServerModeIT {

    private static final int CLIENTS = 100;
    private static final int LINES_PER_CLIENT = 20;

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void givenOneHundredConcurrentClients_whenEachSendsItsLines_thenEveryLineIsDeliveredInOrderPerClient(
        EmbeddedKafkaBroker broker) throws Exception {
        // given: three partitions, the client's address as key so each client's lines share one partition
        String topic = "many-clients";
        broker.createTopic(topic, 3);
        Map<String, String> config = serverConnector(topic);
        config.put(SocketSourceConfig.RECORD_KEY, "remote");
        config.put(SocketSourceConfig.SERVER_MAX_CONNECTIONS, String.valueOf(CLIENTS));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Socket> clients = new ArrayList<>();
        try (EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
             TopicReader<String> reader = TopicReader.strings(broker, topic)) {
            worker.startConnector("listener", config);
            int port = localPort("listener");
            for (int c = 0; c < CLIENTS; c++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                clients.add(socket);
            }
            await().atMost(TIMEOUT).until(() -> count("listener", "ActiveConnections") == CLIENTS);

            // when: all of them send at once, one write per line, so their lines interleave
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> senders = IntStream.range(0, CLIENTS).mapToObj(c -> CompletableFuture.runAsync(
                () -> sendLines(clients.get(c), c, go), pool)).toList();
            go.countDown();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            // then: every line once, each client's lines in the order it sent them, with its address
            List<ConsumerRecord<String, String>> records =
                reader.readExactly(CLIENTS * LINES_PER_CLIENT, Duration.ofSeconds(1));
            Map<String, List<String>> byClient = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                String remote = header(r, SocketSourceTask.HEADER_REMOTE_HOST) + ":"
                    + header(r, SocketSourceTask.HEADER_REMOTE_PORT);
                assertThat(r.key()).isEqualTo(remote);
                byClient.computeIfAbsent(remote, k -> new ArrayList<>()).add(r.value());
            }
            assertThat(byClient).hasSize(CLIENTS);
            for (Socket client : clients) {
                List<String> lines = byClient.get("127.0.0.1:" + client.getLocalPort());
                int c = clients.indexOf(client);
                assertThat(lines).as("client %d", c).containsExactlyElementsOf(expectedLines(c));
            }
            assertThat(count("listener", "ConnectionsRejected")).isZero();
            assertThat(count("listener", "LinesDropped")).isZero();
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            pool.shutdownNow();
        }
    }

    @Test
    void givenLengthPrefixedFraming_whenAClientSendsBinaryFrames_thenEachFrameIsOneRecordByteForByte(
        EmbeddedKafkaBroker broker) throws Exception {
        // given: Spark's socketStream with a converter; here Connect's ByteArrayConverter keeps the bytes
        broker.createTopic("frames", 1);
        Map<String, String> config = serverConnector("frames");
        config.put(SocketSourceConfig.SOCKET_FRAMING, "length-prefixed");
        config.put("value.converter", ByteArrayConverter.class.getName());
        byte[][] frames = {{0, 1, 2, '\n', (byte) 0xFF}, new byte[0], "text too".getBytes(StandardCharsets.UTF_8)};
        try (EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
             TopicReader<byte[]> reader = TopicReader.bytes(broker, "frames")) {
            worker.startConnector("framed", config);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), localPort("framed"))) {
                // when
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                for (byte[] frame : frames) {
                    out.writeInt(frame.length);
                    out.write(frame);
                }
                out.flush();

                // then
                reader.readExactly(frames.length, Duration.ofMillis(300));
                assertThat(reader.values()).containsExactly(frames);
            }
        }
    }

    private static List<String> expectedLines(int client) {
        return IntStream.range(0, LINES_PER_CLIENT).mapToObj(i -> "client " + client + " line " + i).toList();
    }

    private static void sendLines(Socket socket, int client, CountDownLatch go) {
        try {
            go.await();
            OutputStream out = socket.getOutputStream();
            for (String line : expectedLines(client)) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
