package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.streamling.connect.socket.SocketSourceConfig.ClientAuth;
import io.streamling.connect.socket.SocketSourceConfig.DecodeErrorPolicy;
import io.streamling.connect.socket.SocketSourceConfig.Framing;
import io.streamling.connect.socket.SocketSourceConfig.Mode;
import io.streamling.connect.socket.SocketSourceConfig.RecordKey;
import io.streamling.connect.socket.SocketSourceConfig.TooLongPolicy;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketSourceConfigTest {

    private static Map<String, String> validProps() {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_HOST, "localhost");
        props.put(SocketSourceConfig.SOCKET_PORT, "9999");
        return props;
    }

    private static Map<String, String> serverProps() {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_MODE, "server");
        props.put(SocketSourceConfig.SOCKET_PORT, "0");
        return props;
    }

    @Test
    void givenOnlyRequiredKeys_whenParsed_thenDocumentedDefaultsApplyInClientMode() {
        // given / when
        SocketSourceConfig config = new SocketSourceConfig(validProps());

        // then
        assertThat(config.topic()).isEqualTo("lines");
        assertThat(config.mode()).isEqualTo(Mode.CLIENT);
        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(9999);
        assertThat(config.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(config.connectTimeoutMs()).isEqualTo(10_000);
        assertThat(config.receiveBufferBytes()).isEqualTo(-1);
        assertThat(config.reconnectBackoffInitialMs()).isEqualTo(100);
        assertThat(config.reconnectBackoffMaxMs()).isEqualTo(10_000);
        assertThat(config.serverMaxConnections()).isEqualTo(100);
        assertThat(config.serverIdleTimeoutMs()).isEqualTo(300_000);
        assertThat(config.framing()).isEqualTo(Framing.LINES);
        assertThat(config.lineMaxBytes()).isEqualTo(524_288);
        assertThat(config.lineTooLongPolicy()).isEqualTo(TooLongPolicy.TRUNCATE);
        assertThat(config.decodeErrorPolicy()).isEqualTo(DecodeErrorPolicy.REPLACE);
        assertThat(config.recordKey()).isEqualTo(RecordKey.NONE);
        assertThat(config.bufferMaxLines()).isEqualTo(10_000);
        assertThat(config.bufferMaxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(config.pollMaxRecords()).isEqualTo(1_000);
        assertThat(config.pollTimeoutMs()).isEqualTo(200);
        assertThat(config.sslEnabled()).isFalse();
        assertThat(config.sslProtocol()).isEqualTo("TLSv1.3");
        assertThat(config.sslEnabledProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(config.sslKeystoreType()).isEqualTo("PKCS12");
        assertThat(config.sslClientAuth()).isEqualTo(ClientAuth.NONE);
        assertThat(config.sslEndpointIdentificationAlgorithm()).isEqualTo("https");
    }

    @Test
    void givenServerModeWithoutHost_whenParsed_thenListensOnLoopbackOnly() {
        SocketSourceConfig config = new SocketSourceConfig(serverProps());

        assertThat(config.mode()).isEqualTo(Mode.SERVER);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
    }

    @Test
    void givenEnumValuesInAnyCase_whenParsed_thenAccepted() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SOCKET_MODE, "SERVER");
        props.put(SocketSourceConfig.SOCKET_FRAMING, "Length-Prefixed");
        props.put(SocketSourceConfig.LINE_TOO_LONG_POLICY, "Skip");
        props.put(SocketSourceConfig.DECODE_ERROR_POLICY, "FAIL");
        props.put(SocketSourceConfig.RECORD_KEY, "Remote");
        props.put(SocketSourceConfig.SSL_CLIENT_AUTH, "Required");

        SocketSourceConfig config = new SocketSourceConfig(props);

        assertThat(config.mode()).isEqualTo(Mode.SERVER);
        assertThat(config.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
        assertThat(config.lineTooLongPolicy()).isEqualTo(TooLongPolicy.SKIP);
        assertThat(config.decodeErrorPolicy()).isEqualTo(DecodeErrorPolicy.FAIL);
        assertThat(config.recordKey()).isEqualTo(RecordKey.REMOTE);
        assertThat(config.sslClientAuth()).isEqualTo(ClientAuth.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {SocketSourceConfig.SOCKET_MODE, SocketSourceConfig.SOCKET_FRAMING,
        SocketSourceConfig.LINE_TOO_LONG_POLICY, SocketSourceConfig.DECODE_ERROR_POLICY, SocketSourceConfig.RECORD_KEY,
        SocketSourceConfig.SSL_CLIENT_AUTH})
    void givenUnknownEnumValue_whenParsed_thenRejectedNamingTheKey(String key) {
        Map<String, String> props = validProps();
        props.put(key, "bogus");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(key);
    }

    @Test
    void givenMissingTopic_whenParsed_thenRejectedNamingTheKey() {
        // given
        Map<String, String> props = validProps();
        props.remove(SocketSourceConfig.TOPIC);

        // when / then
        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("\"topic\"");
    }

    @Test
    void givenClientModeWithoutHost_whenParsed_thenRejectedNamingTheKey() {
        Map<String, String> props = validProps();
        props.remove(SocketSourceConfig.SOCKET_HOST);

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("socket.host")
            .hasMessageContaining("client mode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "-1", "not-a-number"})
    void givenClientModePortOutsideOneTo65535_whenParsed_thenRejectedNamingTheKey(String port) {
        // given
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SOCKET_PORT, port);

        // when / then
        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("socket.port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-charset", "UTF-16", "UTF-32", "bad name!"})
    void givenUnknownOrNonAsciiCompatibleCharset_whenParsed_thenRejectedNamingTheKey(String charset) {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SOCKET_CHARSET, charset);

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("socket.charset");
    }

    @Test
    void givenAsciiCompatibleCharset_whenParsed_thenAccepted() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SOCKET_CHARSET, "ISO-8859-1");

        assertThat(new SocketSourceConfig(props).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenMaxBackoffBelowInitial_whenParsed_thenRejectedNamingTheKey() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, "500");
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_MAX_MS, "100");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("reconnect.backoff.max.ms");
    }

    @Test
    void givenBufferBytesBelowLineMaxBytes_whenParsed_thenRejectedBecauseAMaximalLineCouldNeverFit() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.LINE_MAX_BYTES, "2048");
        props.put(SocketSourceConfig.BUFFER_MAX_BYTES, "1024");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(SocketSourceConfig.BUFFER_MAX_BYTES)
            .hasMessageContaining(SocketSourceConfig.LINE_MAX_BYTES);
    }

    @Test
    void givenTlsInServerModeWithoutKeystore_whenParsed_thenRejectedNamingTheKey() {
        Map<String, String> props = serverProps();
        props.put(SocketSourceConfig.SSL_ENABLED, "true");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(SocketSourceConfig.SSL_KEYSTORE_LOCATION);
    }

    @Test
    void givenBlankOptionalString_whenParsed_thenRejectedInsteadOfMeaningUnset() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION, "  ");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION);
    }

    @Test
    void givenPasswords_whenConfigIsPrinted_thenTheyAreHidden() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_PASSWORD, "s3cret");

        SocketSourceConfig config = new SocketSourceConfig(props);

        assertThat(config.sslTruststorePassword().value()).isEqualTo("s3cret");
        assertThat(config.values().toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {SocketSourceConfig.BUFFER_MAX_LINES, SocketSourceConfig.BUFFER_MAX_BYTES,
        SocketSourceConfig.POLL_MAX_RECORDS, SocketSourceConfig.POLL_TIMEOUT_MS, SocketSourceConfig.LINE_MAX_BYTES,
        SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, SocketSourceConfig.SERVER_MAX_CONNECTIONS,
        SocketSourceConfig.SOCKET_CONNECT_TIMEOUT_MS})
    void givenZeroForASizeOrDelay_whenParsed_thenRejectedNamingTheKey(String key) {
        Map<String, String> props = validProps();
        props.put(key, "0");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(key);
    }

    @Test
    void everyKeyHasDocumentationAGroupAValidatorAndAConstant() throws Exception {
        assertThat(SocketSourceConfig.CONFIG_DEF.configKeys().values())
            .hasSize(32)
            .allSatisfy(key -> {
                assertThat(key.documentation).as(key.name).isNotBlank();
                assertThat(key.group).as(key.name).isNotBlank();
                assertThat(key.validator).as(key.name).isNotNull();
                assertThat(key.validator.toString()).as(key.name).isNotBlank();
            });
        for (ConfigDef.ConfigKey key : SocketSourceConfig.CONFIG_DEF.configKeys().values()) {
            boolean hasConstant = false;
            for (var field : SocketSourceConfig.class.getFields()) {
                hasConstant |= field.getType() == String.class && key.name.equals(field.get(null));
            }
            assertThat(hasConstant).as("public constant for " + key.name).isTrue();
        }
    }
}
