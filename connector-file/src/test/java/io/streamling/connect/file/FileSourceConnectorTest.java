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
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
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
        assertThat(def.names()).contains("topic", "file.path", "file.name.pattern", "file.existing",
                "poll.interval.ms", "poll.max.records", "file.recursive", "file.min.age.ms", "file.max.age.ms",
                "file.order", "file.latest.first", "format", "format.record.bytes", "format.csv.separator",
                "file.charset", "file.compression", "line.max.bytes", "line.too.long", "record.key",
                "timestamp.mode", "timestamp.field", "headers.enabled", "errors.policy", "errors.path",
                "errors.topic", "cleanup", "cleanup.archive.path", "poll.max.files", "poll.max.bytes");
        assertThat(def.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).isNotBlank();
            assertThat(key.group).isNotBlank();
            assertThat(key.displayName).isNotBlank();
            // free-form values are checked by the rules between keys instead (see validate)
            boolean freeForm = List.of("timestamp.field", "errors.path", "errors.topic", "cleanup.archive.path")
                    .contains(key.name);
            if (key.type != ConfigDef.Type.BOOLEAN && !freeForm) {
                assertThat(key.validator).as(key.name).isNotNull();
            }
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

    @Test
    void shouldDeclareExactlyOnceSupport() {
        // when
        ExactlyOnceSupport support = new FileSourceConnector().exactlyOnceSupport(Map.of());

        // then
        assertThat(support).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    @Test
    void shouldAcceptOffsetsOfItsOwnShapeAndResets() {
        // given
        Map<Map<String, ?>, Map<String, ?>> offsets = new java.util.HashMap<>();
        offsets.put(FileOffsets.partition(dir.resolve("a.txt"), "ab".repeat(32)), Map.of("position", 42L, "line", 3,
                "since", 1L));
        offsets.put(FileOffsets.partition(dir.resolve("b.txt"), "cd".repeat(32)), null);

        // when
        boolean accepted = new FileSourceConnector().alterOffsets(Map.of(), offsets);

        // then
        assertThat(accepted).isTrue();
    }

    @Test
    void shouldRejectOffsetsThatCannotBeResumedSayingWhy() {
        // given
        FileSourceConnector connector = new FileSourceConnector();
        String path = dir.resolve("a.txt").toString();
        String fingerprint = "ab".repeat(32);

        Map<String, String> partition = FileOffsets.partition(Path.of(path), fingerprint);
        Map<String, String> reversed = new java.util.LinkedHashMap<>();
        reversed.put("fingerprint", fingerprint);
        reversed.put("path", path);

        // when / then
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(reversed, Map.of("position", 1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("must list 'path' before 'fingerprint'");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(partition, Map.of("position", -1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("'position' must be a non-negative integer");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(partition, Map.of("line", 1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("must have 'position'");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(
                Map.of("path", "relative.txt", "fingerprint", fingerprint), Map.of("position", 1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("absolute file path");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(
                Map.of("path", path, "fingerprint", "xyz"), Map.of("position", 1L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(partition, Map.of("position", "12"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("non-negative integer");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), Map.of(partition, Map.of("position", 1L,
                "offset", 2L))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("unknown key 'offset'");
    }

    @Test
    void shouldReportBrokenRulesBetweenKeysOnTheKeyToFix() {
        // given
        Map<String, String> props = new java.util.HashMap<>(Map.of(FileSourceConfig.TOPIC_CONFIG, "lines",
                FileSourceConfig.FILE_PATH_CONFIG, dir.toString(),
                FileSourceConfig.CLEANUP_CONFIG, "archive",
                FileSourceConfig.CLEANUP_ARCHIVE_PATH_CONFIG, dir.resolve("archive").toString(),
                FileSourceConfig.ERRORS_POLICY_CONFIG, "topic",
                FileSourceConfig.FORMAT_CONFIG, "fixed"));

        // when
        Config validated = new FileSourceConnector().validate(props);

        // then
        assertThat(errors(validated, "cleanup.archive.path")).singleElement().asString().contains("must not be inside");
        assertThat(errors(validated, "errors.topic")).singleElement().asString().contains("is required");
        assertThat(errors(validated, "format.record.bytes")).singleElement().asString().contains("at least 1");
        assertThatThrownBy(() -> new FileSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("format.record.bytes");
    }

    @Test
    void shouldRejectTimestampFieldForFormatsWithoutFieldsAndCharsetsThatCannotBeSplit() {
        // given
        Map<String, String> base = Map.of(FileSourceConfig.TOPIC_CONFIG, "lines",
                FileSourceConfig.FILE_PATH_CONFIG, dir.toString());

        // when / then
        Map<String, String> timestamp = with(with(base, "timestamp.mode", "field"), "timestamp.field", "ts");
        assertThatThrownBy(() -> new FileSourceConfig(timestamp)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("timestamp.mode").hasMessageContaining("json or csv");
        assertThatThrownBy(() -> new FileSourceConfig(with(base, "file.charset", "UTF-16")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file.charset")
                .hasMessageContaining("UTF-16BE/LE");
        assertThatThrownBy(() -> new FileSourceConfig(with(base, "file.charset", "no-such-charset")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a character set");
        assertThat(new FileSourceConfig(with(base, "file.charset", "UTF-16LE")).charset().name()).isEqualTo("UTF-16LE");
    }

    @Test
    void shouldAcceptAGlobWhoseDirectoryExistsAndRejectOneWhoseDirectoryDoesNot() {
        // given
        Map<String, String> base = Map.of(FileSourceConfig.TOPIC_CONFIG, "lines");

        // when
        FileSourceConfig glob = new FileSourceConfig(with(base, "file.path", dir + "/**/*.csv"));

        // then
        assertThat(glob.directory()).isEqualTo(dir.toAbsolutePath());
        assertThat(glob.location().glob()).contains("**/*.csv");
        assertThatThrownBy(() -> new FileSourceConfig(with(base, "file.path", dir + "/missing/*.csv")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("file.path")
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldSerializeTheSourcePartitionToTheSameBytesInEveryJvm() {
        // given: Connect stores offsets under the partition serialized as JSON, keys in iteration order
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", false), true);
        String fingerprint = "ab".repeat(32);

        // when
        byte[] key = converter.fromConnectData("offsets", null,
                List.of("files", FileOffsets.partition(Path.of("/in/a.txt"), fingerprint)));

        // then: a fixed order, not one that changes with the JVM (as Map.of's does)
        assertThat(new String(key, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("[\"files\",{\"path\":\"/in/a.txt\",\"fingerprint\":\"" + fingerprint + "\"}]");
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst().orElseThrow()
                .errorMessages();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> props = new java.util.HashMap<>(base);
        props.put(key, value);
        return props;
    }
}
