package io.streamling.connect.socket;

import static io.streamling.connect.socket.ItSupport.TIMEOUT;
import static io.streamling.connect.socket.ItSupport.clientConnector;
import static io.streamling.connect.socket.ItSupport.localPort;
import static io.streamling.connect.socket.ItSupport.serverConnector;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.net.ssl.SSLSocket;

import io.streamling.connect.socket.ItSupport.TopicReader;
import io.streamling.connect.socket.tools.LineServer;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TLS round trips through a real worker and broker, with a self-signed certificate made for this run. */
@ExtendWith(EmbeddedKafkaExtension.class)
class TlsIT {

    private static final TestCertificates CERTS = TestCertificates.get();
    private static final List<String> LINES = IntStream.rangeClosed(1, 100).mapToObj(i -> "secret " + i).toList();

    private static EmbeddedConnectWorker worker;

    @BeforeAll
    static void startWorker(EmbeddedKafkaBroker broker) {
        worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void givenServerModeWithTls_whenAClientSendsOverTls_thenEveryLineIsInTheTopic(EmbeddedKafkaBroker broker)
        throws Exception {
        // given
        broker.createTopic("tls-server", 1);
        Map<String, String> config = serverConnector("tls-server");
        config.putAll(CERTS.serverModeProps());
        worker.startConnector("tls-server", config);
        try (TopicReader<String> reader = TopicReader.strings(broker, "tls-server");
             SSLSocket client = (SSLSocket) TestCertificates.context(null, CERTS.serverTruststore).getSocketFactory()
                 .createSocket(InetAddress.getLoopbackAddress(), localPort("tls-server"))) {
            client.setSoTimeout((int) TIMEOUT.toMillis());

            // when
            OutputStream out = client.getOutputStream();
            out.write((String.join("\n", LINES) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();

            // then
            reader.readExactly(LINES.size(), Duration.ofMillis(500));
            assertThat(reader.values()).containsExactlyElementsOf(LINES);
            assertThat(client.getSession().getPeerCertificates()).isNotEmpty();
        } finally {
            worker.stopConnector("tls-server");
        }
    }

    @Test
    void givenClientModeWithTls_whenTheServerSpeaksTls_thenEveryLineIsInTheTopic(EmbeddedKafkaBroker broker) {
        // given: a TLS line server presenting the certificate for 127.0.0.1
        broker.createTopic("tls-client", 1);
        try (LineServer server = LineServer.builder().lines(LINES)
                 .tls(TestCertificates.context(CERTS.serverKeystore, null)).start();
             TopicReader<String> reader = TopicReader.strings(broker, "tls-client")) {
            Map<String, String> config = clientConnector("tls-client", server.port());
            config.putAll(CERTS.clientModeProps());

            // when
            worker.startConnector("tls-client", config);

            // then
            reader.readExactly(LINES.size(), Duration.ofMillis(500));
            assertThat(reader.values()).containsExactlyElementsOf(LINES);
        } finally {
            worker.stopConnector("tls-client");
        }
    }
}
