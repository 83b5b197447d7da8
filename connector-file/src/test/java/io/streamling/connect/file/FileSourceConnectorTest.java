package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceConnectorTest {

    @TempDir
    Path dir;

    @Test
    void shouldReportTheProjectVersion() {
        // given
        FileSourceConnector connector = new FileSourceConnector();

        // when
        String version = connector.version();

        // then
        assertThat(version).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
        assertThat(new FileSourceTask().version()).isEqualTo(version);
    }

    @Test
    void shouldCreateExactlyOneTaskWithTheConnectorConfiguration() {
        // given
        FileSourceConnector connector = new FileSourceConnector();
        Map<String, String> props = Map.of(FileSourceConfig.TOPIC_CONFIG, "lines",
                FileSourceConfig.FILE_PATH_CONFIG, dir.toString());
        connector.start(props);

        // when
        List<Map<String, String>> taskConfigs = connector.taskConfigs(4);

        // then
        assertThat(taskConfigs).containsExactly(props);
        assertThat(connector.taskClass()).isEqualTo(FileSourceTask.class);
    }

    @Test
    void shouldBeDiscoverableThroughServiceLoader() {
        // when
        List<Class<?>> connectors = ServiceLoader.load(SourceConnector.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();

        // then
        assertThat(connectors).contains(FileSourceConnector.class);
    }

    @Test
    void shouldDocumentEveryConfigKeyWithItsDefault() {
        // given
        ConfigDef def = new FileSourceConnector().config();

        // then
        assertThat(def.names()).containsExactlyInAnyOrder("topic", "file.path", "file.name.pattern",
                "file.existing", "poll.interval.ms", "poll.max.records");
        assertThat(def.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).isNotBlank();
            assertThat(key.validator).isNotNull();
        });
        assertThat(def.defaultValues()).containsEntry("file.name.pattern", "[^.].*")
                .containsEntry("file.existing", "ignore")
                .containsEntry("poll.interval.ms", 500L)
                .containsEntry("poll.max.records", 5000);
    }

    @Test
    void shouldRejectMissingDirectoryNamingFilePath() {
        // given
        FileSourceConnector connector = new FileSourceConnector();
        Map<String, String> props = Map.of(FileSourceConfig.TOPIC_CONFIG, "lines",
                FileSourceConfig.FILE_PATH_CONFIG, dir.resolve("nope").toString());

        // when
        Config validated = connector.validate(props);

        // then
        ConfigValue filePath = validated.configValues().stream()
                .filter(value -> value.name().equals(FileSourceConfig.FILE_PATH_CONFIG)).findFirst().orElseThrow();
        assertThat(filePath.errorMessages()).singleElement().asString().contains("does not exist");
        assertThatThrownBy(() -> connector.start(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("file.path");
    }

    @Test
    void shouldRejectAFileGivenAsDirectory() throws Exception {
        // given
        Path file = java.nio.file.Files.createFile(dir.resolve("plain.txt"));

        // when / then
        assertThatThrownBy(() -> new FileSourceConfig(Map.of(FileSourceConfig.TOPIC_CONFIG, "lines",
                FileSourceConfig.FILE_PATH_CONFIG, file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("file.path")
                .hasMessageContaining("is not a directory");
    }

    @Test
    void shouldRejectInvalidValuesNamingTheKey() {
        // given
        Map<String, String> base = Map.of(FileSourceConfig.TOPIC_CONFIG, "lines",
                FileSourceConfig.FILE_PATH_CONFIG, dir.toString());

        // when / then
        assertThatThrownBy(() -> new FileSourceConfig(with(base, "file.name.pattern", "[unclosed")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file.name.pattern");
        assertThatThrownBy(() -> new FileSourceConfig(with(base, "file.existing", "sometimes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file.existing");
        assertThatThrownBy(() -> new FileSourceConfig(with(base, "poll.max.records", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("poll.max.records");
        assertThatThrownBy(() -> new FileSourceConfig(Map.of(FileSourceConfig.FILE_PATH_CONFIG, dir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> props = new java.util.HashMap<>(base);
        props.put(key, value);
        return props;
    }
}
