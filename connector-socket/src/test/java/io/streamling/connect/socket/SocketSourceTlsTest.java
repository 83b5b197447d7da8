package io.streamling.connect.socket;

import static io.streamling.connect.socket.TaskHarness.TIMEOUT;
import static io.streamling.connect.socket.TaskHarness.clientProps;
import static io.streamling.connect.socket.TaskHarness.connect;
import static io.streamling.connect.socket.TaskHarness.send;
import static io.streamling.connect.socket.TaskHarness.serverProps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.streamling.connect.socket.tools.LineServer;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS in both modes, the task driven by hand, with certificates made by keytool for this run. */
class SocketSourceTlsTest {

    private static final TestCertificates CERTS = TestCertificates.get();

    private final TaskHarness harness = new TaskHarness();
    private final SocketSourceTask task = harness.task;

    @AfterEach
    void stopTask() {
        harness.close();
    }

    private static SSLSocket tlsClient(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.startHandshake();
        return socket;
    }

    @Test
    void givenServerModeWithTls_whenATrustingClientSends_thenLinesArrive() throws IOException {
        // given
        Map<String, String> props = serverProps();
        props.putAll(CERTS.serverModeProps());
        harness.start(props);

        // when
        try (SSLSocket client = tlsClient(TestCertificates.context(null, CERTS.serverTruststore), harness.port())) {
            send(client, "secret line\nanother\n".getBytes(StandardCharsets.UTF_8));

            // then
            assertThat(harness.pollUntil(2)).containsExactly("secret line", "another");
            assertThat(client.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        }
    }

    @Test
    void givenServerModeWithTls_whenAPlaintextClientConnects_thenItIsDisconnectedAndCountedAndTlsClientsStillWork()
        throws IOException {
        Map<String, String> props = serverProps();
        props.putAll(CERTS.serverModeProps());
        harness.start(props);

        try (Socket plain = connect(harness.port())) {
            send(plain, "not tls\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(TIMEOUT).until(() -> task.metrics().getConnectionErrors() == 1);
        }
        try (SSLSocket client = tlsClient(TestCertificates.context(null, CERTS.serverTruststore), harness.port())) {
            send(client, "fine\n".getBytes(StandardCharsets.UTF_8));
            assertThat(harness.pollUntil(1)).containsExactly("fine");
        }
    }

    @Test
    void givenRequiredClientAuth_whenAClientWithoutTrustedCertificateConnects_thenRefusedButATrustedOneIsServed()
        throws IOException {
        // given
        Map<String, String> props = serverProps();
        props.putAll(CERTS.serverModeProps());
        props.put(SocketSourceConfig.SSL_CLIENT_AUTH, "required");
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION, CERTS.clientTruststore.toString());
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_PASSWORD, TestCertificates.PASSWORD);
        harness.start(props);

        // when / then: a stranger's certificate is refused
        SSLContext stranger = TestCertificates.context(CERTS.strangerKeystore, CERTS.serverTruststore);
        assertThatThrownBy(() -> {
            try (SSLSocket s = tlsClient(stranger, harness.port())) {
                send(s, "x\n".getBytes(StandardCharsets.UTF_8));
                s.getInputStream().read(); // TLS 1.3 reports the refusal on the first read
            }
        }).isInstanceOf(IOException.class);

        // and the trusted client gets through
        SSLContext trusted = TestCertificates.context(CERTS.clientKeystore, CERTS.serverTruststore);
        try (SSLSocket client = tlsClient(trusted, harness.port())) {
            send(client, "mutual\n".getBytes(StandardCharsets.UTF_8));
            assertThat(harness.pollUntil(1)).containsExactly("mutual");
        }
    }

    @Test
    void givenClientModeWithTls_whenTheServerIsTrusted_thenLinesArrive() {
        // given: a TLS line server with the certificate for localhost / 127.0.0.1
        SSLContext serverContext = TestCertificates.context(CERTS.serverKeystore, null);
        try (LineServer server = LineServer.builder().lines(List.of("over", "tls")).tls(serverContext).start()) {
            Map<String, String> props = clientProps(server.port());
            props.putAll(CERTS.clientModeProps());

            // when
            harness.start(props);

            // then: hostname verification (https) passed for 127.0.0.1
            assertThat(harness.pollUntil(2)).containsExactly("over", "tls");
        }
    }

    @Test
    void givenClientModeWithTls_whenTheServersCertificateIsNotTrusted_thenTheTaskKeepsRetryingAndReadsNothing() {
        // given: the server presents a certificate the task's trust store does not hold
        SSLContext serverContext = TestCertificates.context(CERTS.strangerKeystore, null);
        try (LineServer server = LineServer.builder().lines(List.of("must not arrive")).tls(serverContext).start()) {
            Map<String, String> props = clientProps(server.port());
            props.putAll(CERTS.clientModeProps());

            // when
            harness.start(props);

            // then: each handshake fails, is counted, and the task backs off and retries
            await().atMost(TIMEOUT).until(() -> task.metrics().getConnectionErrors() >= 2 && task.reconnects() >= 2);
            assertThat(task.linesRead()).isZero();
            assertThat(harness.received).isEmpty();
        }
    }

    @Test
    void givenClientModeWithHostnameVerification_whenTheCertificateNamesAnotherHost_thenRefusedUnlessVerificationIsOff() {
        // given: the client certificate (CN=test-client, no SAN) served by a line server
        SSLContext serverContext = TestCertificates.context(CERTS.clientKeystore, null);
        try (LineServer server = LineServer.builder().lines(List.of("named")).tls(serverContext).start()) {
            Map<String, String> props = clientProps(server.port());
            props.put(SocketSourceConfig.SSL_ENABLED, "true");
            props.put(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION, CERTS.clientTruststore.toString());
            props.put(SocketSourceConfig.SSL_TRUSTSTORE_PASSWORD, TestCertificates.PASSWORD);

            // when: verification on (default)
            harness.start(props);
            await().atMost(TIMEOUT).until(() -> task.metrics().getConnectionErrors() >= 1);
            assertThat(task.linesRead()).isZero();
            task.stop();

            // then: with verification off the same certificate is accepted
            props.put(SocketSourceConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "");
            try (TaskHarness lenient = new TaskHarness().start(props)) {
                assertThat(lenient.pollUntil(1)).containsExactly("named");
            }
        }
    }

    @Test
    void givenAWrongKeystorePassword_whenStarted_thenFailsNamingTheKey() {
        Map<String, String> props = serverProps();
        props.putAll(CERTS.serverModeProps());
        props.put(SocketSourceConfig.SSL_KEYSTORE_PASSWORD, "wrong");

        assertThatThrownBy(() -> task.start(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(SocketSourceConfig.SSL_KEYSTORE_LOCATION);
    }

    @Test
    void givenAMissingTruststore_whenStarted_thenFailsNamingTheKey() {
        Map<String, String> props = clientProps(1);
        props.putAll(CERTS.clientModeProps());
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION, "/no/such/truststore.p12");

        assertThatThrownBy(() -> task.start(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION);
    }

    @Test
    void givenNoCommonProtocol_whenStarted_thenFailsNamingTheKey() {
        Map<String, String> props = clientProps(1);
        props.putAll(CERTS.clientModeProps());
        props.put(SocketSourceConfig.SSL_ENABLED_PROTOCOLS, "SSLv2");

        assertThatThrownBy(() -> task.start(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(SocketSourceConfig.SSL_ENABLED_PROTOCOLS);
    }

    @Test
    void givenALineServerWithTls_whenClosedAndRestarted_thenTheTaskReconnects() {
        SSLContext serverContext = TestCertificates.context(CERTS.serverKeystore, null);
        LineServer first = LineServer.builder().lines(List.of("before")).tls(serverContext).start();
        int port = first.port();
        Map<String, String> props = clientProps(port);
        props.putAll(CERTS.clientModeProps());
        harness.start(props);
        assertThat(harness.pollUntil(1)).containsExactly("before");

        first.close();
        try (LineServer second = LineServer.builder().lines(List.of("after")).port(port).tls(serverContext).start()) {
            assertThat(harness.pollUntil(2)).containsExactly("before", "after");
            assertThat(second.clientsAccepted()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> task.connections() == 2);
        }
    }
}
