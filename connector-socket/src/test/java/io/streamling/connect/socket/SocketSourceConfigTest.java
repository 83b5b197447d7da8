package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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

    @Test
    void shouldApplyDocumentedDefaultsWhenOnlyRequiredKeysAreGiven() {
        // given / when
        SocketSourceConfig config = new SocketSourceConfig(validProps());

        // then
        assertThat(config.topic()).isEqualTo("lines");
        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(9999);
        assertThat(config.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(config.reconnectBackoffInitialMs()).isEqualTo(100);
        assertThat(config.reconnectBackoffMaxMs()).isEqualTo(10_000);
        assertThat(config.bufferMaxLines()).isEqualTo(10_000);
        assertThat(config.pollMaxRecords()).isEqualTo(1_000);
        assertThat(config.lineMaxBytes()).isEqualTo(1_048_576);
    }

    @Test
    void shouldRejectMissingTopicNamingTheKey() {
        // given
        Map<String, String> props = validProps();
        props.remove(SocketSourceConfig.TOPIC);

        // when / then
        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("\"topic\"");
    }

    @Test
    void shouldRejectMissingHostNamingTheKey() {
        Map<String, String> props = validProps();
        props.remove(SocketSourceConfig.SOCKET_HOST);

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("socket.host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "-1", "not-a-number"})
    void shouldRejectPortOutsideOneTo65535NamingTheKey(String port) {
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
    void shouldRejectUnknownOrNonAsciiCompatibleCharsetNamingTheKey(String charset) {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SOCKET_CHARSET, charset);

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("socket.charset");
    }

    @Test
    void shouldAcceptAsciiCompatibleCharsets() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.SOCKET_CHARSET, "ISO-8859-1");

        assertThat(new SocketSourceConfig(props).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldRejectMaxBackoffBelowInitialBackoffNamingTheKey() {
        Map<String, String> props = validProps();
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, "500");
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_MAX_MS, "100");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("reconnect.backoff.max.ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {SocketSourceConfig.BUFFER_MAX_LINES, SocketSourceConfig.POLL_MAX_RECORDS,
        SocketSourceConfig.LINE_MAX_BYTES, SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS})
    void shouldRejectZeroForSizesAndDelaysNamingTheKey(String key) {
        Map<String, String> props = validProps();
        props.put(key, "0");

        assertThatThrownBy(() -> new SocketSourceConfig(props))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(key);
    }

    @Test
    void shouldDocumentEveryKey() {
        assertThat(SocketSourceConfig.CONFIG_DEF.configKeys().values())
            .hasSize(9)
            .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }
}
