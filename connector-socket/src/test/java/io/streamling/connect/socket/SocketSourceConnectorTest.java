package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SocketSourceConnectorTest {

    private static final Map<String, String> PROPS = Map.of(
        SocketSourceConfig.TOPIC, "lines",
        SocketSourceConfig.SOCKET_HOST, "localhost",
        SocketSourceConfig.SOCKET_PORT, "9999");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger connectorLog = (Logger) LoggerFactory.getLogger(SocketSourceConnector.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        connectorLog.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        connectorLog.detachAppender(logs);
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Map<String, List<String>> errors(Config config) {
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
            .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void givenAnyMaxTasks_whenTaskConfigsAreAsked_thenExactlyOneTask() {
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
    void givenInvalidConfig_whenStarted_thenFailsNamingTheKey() {
        SocketSourceConnector connector = new SocketSourceConnector();

        assertThatThrownBy(() -> connector.start(Map.of(SocketSourceConfig.SOCKET_HOST, "localhost",
            SocketSourceConfig.SOCKET_PORT, "9999")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("topic");
    }

    @Test
    void givenSeveralCrossFieldViolations_whenValidated_thenEachIsReportedOnItsKey() {
        // given: client mode without host, port 0, and a buffer smaller than a line
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_PORT, "0");
        props.put(SocketSourceConfig.LINE_MAX_BYTES, "1000");
        props.put(SocketSourceConfig.BUFFER_MAX_BYTES, "10");

        // when
        Map<String, List<String>> errors = errors(new SocketSourceConnector().validate(props));

        // then
        assertThat(errors).containsOnlyKeys(SocketSourceConfig.SOCKET_HOST, SocketSourceConfig.SOCKET_PORT,
            SocketSourceConfig.BUFFER_MAX_BYTES);
        assertThat(errors.get(SocketSourceConfig.SOCKET_HOST).get(0)).contains("required in client mode");
    }

    @Test
    void givenAPerKeyError_whenValidated_thenItIsReportedLikeConnectDoes() {
        Map<String, String> props = new HashMap<>(PROPS);
        props.put(SocketSourceConfig.SOCKET_PORT, "70000");

        assertThat(errors(new SocketSourceConnector().validate(props))).containsOnlyKeys(SocketSourceConfig.SOCKET_PORT);
    }

    @Test
    void givenServerModeAndSeveralTasks_whenValidated_thenValidButWarnsAboutPlacementAndTaskCount() {
        // given
        Map<String, String> props = new HashMap<>();
        props.put("name", "listener");
        props.put("tasks.max", "3");
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_MODE, "server");
        props.put(SocketSourceConfig.SOCKET_PORT, "9999");

        // when
        Config result = new SocketSourceConnector().validate(props);

        // then
        assertThat(errors(result)).isEmpty();
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("exactly one task").contains("tasks.max=3"));
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("server mode").contains("rebalance")
            .contains("127.0.0.1:9999"));
    }

    @Test
    void givenClientModeWithOneTask_whenValidated_thenNoWarning() {
        Map<String, String> props = new HashMap<>(PROPS);
        props.put("tasks.max", "1");

        assertThat(errors(new SocketSourceConnector().validate(props))).isEmpty();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void versionComesFromTheFilteredPropertiesFile() {
        assertThat(new SocketSourceConnector().version())
            .isNotBlank()
            .doesNotContain("${")
            .isNotEqualTo("unknown")
            .isEqualTo(new SocketSourceTask().version());
    }

    @Test
    void configIsTheSharedConfigDef() {
        assertThat(new SocketSourceConnector().config()).isSameAs(SocketSourceConfig.CONFIG_DEF);
    }

    @Test
    void exactlyOnceIsUnsupportedBecauseASocketCannotBeReplayed() {
        assertThat(new SocketSourceConnector().exactlyOnceSupport(PROPS)).isEqualTo(ExactlyOnceSupport.UNSUPPORTED);
    }

    @Test
    void connectorIsDiscoverableThroughServiceLoader() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
            .contains(SocketSourceConnector.class);
    }
}
