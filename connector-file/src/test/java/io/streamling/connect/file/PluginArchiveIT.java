package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The Connect plugin archive built by the package phase. */
class PluginArchiveIT {

    @Test
    void shouldHoldTheConnectorJarWithItsServiceManifestAndNoKafkaOrLoggingJars() throws Exception {
        // given
        String base = "streamling-connector-file-" + Version.get();
        Path archive = Path.of("target", base + "-plugin.zip");

        // when
        List<String> entries;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            entries = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
        }

        // then
        assertThat(entries).contains(base + "/lib/" + base + ".jar", base + "/doc/README.md",
                base + "/etc/file-source.properties");
        assertThat(entries).filteredOn(name -> name.endsWith(".jar")).containsExactly(base + "/lib/" + base + ".jar");
        try (ZipFile jar = new ZipFile(Path.of("target", base + ".jar").toFile())) {
            assertThat(jar.getEntry("META-INF/services/org.apache.kafka.connect.source.SourceConnector")).isNotNull();
        }
    }
}
