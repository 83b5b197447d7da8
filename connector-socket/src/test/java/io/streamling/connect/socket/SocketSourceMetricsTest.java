package io.streamling.connect.socket;

import static io.streamling.connect.socket.TaskHarness.TIMEOUT;
import static io.streamling.connect.socket.TaskHarness.connect;
import static io.streamling.connect.socket.TaskHarness.send;
import static io.streamling.connect.socket.TaskHarness.serverProps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class SocketSourceMetricsTest {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void givenARunningTask_whenReadOverJmx_thenEveryCounterIsThereAndTheMBeanGoesAwayOnStop() throws Exception {
        // given
        Map<String, String> props = serverProps();
        props.put("name", "metrics-test");
        props.put(SocketSourceConfig.LINE_MAX_BYTES, "4");
        props.put(SocketSourceConfig.LINE_TOO_LONG_POLICY, "skip");
        ObjectName name = SocketSourceMetrics.objectName("metrics-test");
        try (TaskHarness harness = new TaskHarness().start(props)) {
            assertThat(name.toString())
                .isEqualTo("io.streamling.connect.socket:type=socket-source-task,connector=\"metrics-test\"");

            // when: two lines, one too long, from one client
            try (Socket client = connect(harness.port())) {
                send(client, "ok\ntoo long\n".getBytes(StandardCharsets.UTF_8));
                harness.pollUntil(1);
                await().atMost(TIMEOUT).until(() -> (Long) jmx.getAttribute(name, "LinesRead") == 2);

                // then
                assertThat(jmx.getAttribute(name, "Mode")).isEqualTo("server");
                assertThat(jmx.getAttribute(name, "LocalPort")).isEqualTo(harness.port());
                assertThat(jmx.getAttribute(name, "BytesRead")).isEqualTo(12L);
                assertThat(jmx.getAttribute(name, "LinesPolled")).isEqualTo(1L);
                assertThat(jmx.getAttribute(name, "LinesDroppedTooLong")).isEqualTo(1L);
                assertThat(jmx.getAttribute(name, "LinesDropped")).isEqualTo(1L);
                assertThat(jmx.getAttribute(name, "Connections")).isEqualTo(1L);
                assertThat(jmx.getAttribute(name, "ActiveConnections")).isEqualTo(1);
                assertThat((Double) jmx.getAttribute(name, "LinesPerSecond")).isPositive();
                for (String attribute : new String[] {"Reconnects", "ConnectionsRejected", "IdleTimeouts",
                    "ConnectionErrors", "LinesTruncated", "LinesWithReplacement", "LinesDroppedUndecodable",
                    "LinesDroppedIncomplete", "BufferFullWaits", "BufferedBytes"}) {
                    assertThat(jmx.getAttribute(name, attribute)).as(attribute).isEqualTo(0L);
                }
                assertThat(jmx.getAttribute(name, "BufferedLines")).isEqualTo(0);
                assertThat(jmx.getAttribute(name, "Connected")).isEqualTo(false);
            }
        }
        // when stopped, then unregistered
        assertThat(jmx.isRegistered(name)).isFalse();
    }

    @Test
    void givenTwoTasksOfTheSameConnectorInOneJvm_whenBothRun_thenTheSecondGetsAnInstanceKey() throws Exception {
        Map<String, String> props = serverProps();
        props.put("name", "twice");
        try (TaskHarness first = new TaskHarness().start(props); TaskHarness second = new TaskHarness().start(props)) {
            assertThat(jmx.isRegistered(SocketSourceMetrics.objectName("twice"))).isTrue();
            assertThat(jmx.isRegistered(new ObjectName(SocketSourceMetrics.objectName("twice") + ",instance=2"))).isTrue();
            assertThat(first.port()).isNotEqualTo(second.port());
        }
        assertThat(jmx.queryNames(new ObjectName("io.streamling.connect.socket:connector=\"twice\",*"), null)).isEmpty();
    }
}
