package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class SocketSourceConnectorTest {

    private static final Map<String, String> PROPS = Map.of(
        SocketSourceConfig.TOPIC, "lines",
        SocketSourceConfig.SOCKET_HOST, "localhost",
        SocketSourceConfig.SOCKET_PORT, "9999");

    @Test
    void shouldReturnExactlyOneTaskConfigWhateverMaxTasksIs() {
        // given
        SocketSourceConnector connector = new SocketSourceConnector();
        connector.start(PROPS);

        // when
        List<Map<String, String>> configs = connector.taskConfigs(8);

        // then
        assertThat(configs).containsExactly(PROPS);
        assertThat(connector.taskClass()).isEqualTo(SocketSourceTask.class);
        connector.stop();
    }

    @Test
    void shouldFailAtStartWhenConfigIsInvalid() {
        SocketSourceConnector connector = new SocketSourceConnector();

        assertThatThrownBy(() -> connector.start(Map.of(SocketSourceConfig.SOCKET_HOST, "localhost",
            SocketSourceConfig.SOCKET_PORT, "9999")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topic");
    }

    @Test
    void shouldReportVersionFromFilteredPropertiesFile() {
        assertThat(new SocketSourceConnector().version())
            .isNotBlank()
            .doesNotContain("${")
            .isNotEqualTo("unknown")
            .isEqualTo(new SocketSourceTask().version());
    }

    @Test
    void shouldExposeTheSharedConfigDef() {
        assertThat(new SocketSourceConnector().config()).isSameAs(SocketSourceConfig.CONFIG_DEF);
    }

    @Test
    void shouldDeclareExactlyOnceUnsupportedBecauseASocketCannotBeReplayed() {
        assertThat(new SocketSourceConnector().exactlyOnceSupport(PROPS)).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
    }

    @Test
    void shouldBeDiscoverableThroughServiceLoader() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
            .contains(SocketSourceConnector.class);
    }
}
