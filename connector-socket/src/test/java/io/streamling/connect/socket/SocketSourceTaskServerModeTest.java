package io.streamling.connect.socket;

import static io.streamling.connect.socket.TaskHarness.TIMEOUT;
import static io.streamling.connect.socket.TaskHarness.connect;
import static io.streamling.connect.socket.TaskHarness.send;
import static io.streamling.connect.socket.TaskHarness.serverProps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server mode, the task driven by hand. */
class SocketSourceTaskServerModeTest {

    private final TaskHarness harness = new TaskHarness();
    private final SocketSourceTask task = harness.task;

    @AfterEach
    void stopTask() {
        harness.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Object header(SourceRecord record, String key) {
        Header header = record.headers().lastWithName(key);
        return header == null ? null : header.value();
    }

    @Test
    void givenTwoClients_whenTheySend_thenEachLineCarriesItsClientsAddressAndOrderIsKeptPerClient() throws IOException {
        // given
        Map<String, String> props = serverProps();
        props.put(SocketSourceConfig.RECORD_KEY, "remote");
        harness.start(props);
        try (Socket a = connect(harness.port()); Socket b = connect(harness.port())) {
            // when
            send(a, utf8("a1\na2\n"));
            send(b, utf8("b1\n"));
            send(a, utf8("a3\n"));
            send(b, utf8("b2\n"));

            // then
            harness.pollUntil(5);
            for (Socket client : List.of(a, b)) {
                String name = client == a ? "a" : "b";
                List<SourceRecord> mine = harness.received.stream()
                    .filter(r -> header(r, SocketSourceTask.HEADER_REMOTE_PORT).equals(client.getLocalPort())).toList();
                assertThat(mine).extracting(SourceRecord::value).allSatisfy(v -> assertThat((String) v).startsWith(name));
                assertThat(mine).extracting(SourceRecord::value).isSorted();
                assertThat(mine).allSatisfy(r -> {
                    assertThat(header(r, SocketSourceTask.HEADER_REMOTE_HOST)).isEqualTo("127.0.0.1");
                    assertThat(r.key()).isEqualTo("127.0.0.1:" + client.getLocalPort());
                    assertThat(r.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
                });
            }
            assertThat(harness.received).allSatisfy(r ->
                assertThat(r.sourcePartition()).isEqualTo(Map.of("host", "127.0.0.1", "port", 0)));
            assertThat(task.connections()).isEqualTo(2);
            assertThat(task.metrics().getActiveConnections()).isEqualTo(2);
            assertThat(task.metrics().getMode()).isEqualTo("server");
        }
    }

    @Test
    void givenMaxConnectionsReached_whenAnotherClientConnects_thenItIsClosedAtOnceAndCountedWhileOthersGoOn()
        throws IOException {
        // given
        Map<String, String> props = serverProps();
        props.put(SocketSourceConfig.SERVER_MAX_CONNECTIONS, "2");
        harness.start(props);
        Socket first = connect(harness.port());
        try (Socket second = connect(harness.port())) {
            await().atMost(TIMEOUT).until(() -> task.metrics().getActiveConnections() == 2);

            // when
            try (Socket third = connect(harness.port())) {
                // then: end of stream for the third, counted; the first two still deliver
                assertThat(third.getInputStream().read()).isEqualTo(-1);
                await().atMost(TIMEOUT).until(() -> task.metrics().getConnectionsRejected() == 1);
            }
            send(first, utf8("from first\n"));
            send(second, utf8("from second\n"));
            assertThat(harness.pollUntil(2)).containsExactlyInAnyOrder("from first", "from second");

            // and once a slot frees up, a new client is served
            first.close();
            await().atMost(TIMEOUT).until(() -> task.metrics().getActiveConnections() == 1);
            try (Socket fourth = connect(harness.port())) {
                send(fourth, utf8("from fourth\n"));
                assertThat(harness.pollUntil(3)).contains("from fourth");
            }
        } finally {
            first.close();
        }
    }

    @Test
    void givenASilentClient_whenTheIdleTimeoutPasses_thenItIsDisconnectedAndCountedWhileOthersAreServed()
        throws IOException {
        // given
        Map<String, String> props = serverProps();
        props.put(SocketSourceConfig.SERVER_IDLE_TIMEOUT_MS, "500");
        harness.start(props);
        try (Socket silent = connect(harness.port())) {
            // when: another client sends and leaves
            try (Socket talker = connect(harness.port())) {
                send(talker, utf8("hello\n"));
                assertThat(harness.pollUntil(1)).containsExactly("hello");
            }

            // then
            assertThat(silent.getInputStream().read()).as("server closed the silent client").isEqualTo(-1);
            await().atMost(TIMEOUT).until(() -> task.metrics().getActiveConnections() == 0
                && task.metrics().getIdleTimeouts() == 1);
        }
    }

    @Test
    void givenThePortIsTaken_whenStarted_thenStartFailsNamingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> props = serverProps();
            props.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> task.start(props))
                .isInstanceOf(SocketConnectorException.class)
                .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void givenConnectedClients_whenStopped_thenEveryConnectionIsClosedAndThePortIsFreed() throws IOException {
        harness.start(serverProps());
        int port = harness.port();
        try (Socket client = connect(port)) {
            await().atMost(TIMEOUT).until(() -> task.metrics().getActiveConnections() == 1);

            task.stop();

            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThatThrownBy(() -> connect(port).close()).isInstanceOf(IOException.class);
        }
    }
}
