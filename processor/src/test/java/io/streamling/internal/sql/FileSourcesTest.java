package io.streamling.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.connect.file.FileSourceConfig;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How a Structured file source's options configure the file connector. */
class FileSourcesTest {

    private static SourceSpec spec(Map<String, String> options) {
        return new SourceSpec("text", options, RowParser.VALUE_SCHEMA).validate();
    }

    @Test
    void shouldReadExistingFilesAndEmulateTriggersWithSparksLimits() {
        // given
        SourceSpec spec = spec(Map.of("path", "/data/in", "maxFilesPerTrigger", "2", "latestFirst", "true",
                "maxFileAge", "1h", "cleanSource", "archive", "sourceArchiveDir", "/data/done"));

        // when
        Map<String, String> config = FileSources.connectorConfig(spec, 5_000);

        // then: latestFirst with a file limit makes Spark ignore maxFileAge
        assertThat(config).containsEntry(FileSourceConfig.FILE_PATH_CONFIG, "/data/in")
                .containsEntry(FileSourceConfig.FILE_EXISTING_CONFIG, "process")
                .containsEntry(FileSourceConfig.TRIGGER_INTERVAL_MS_CONFIG, "5000")
                .containsEntry(FileSourceConfig.TRIGGER_MAX_FILES_CONFIG, "2")
                .containsEntry(FileSourceConfig.FILE_LATEST_FIRST_CONFIG, "true")
                .containsEntry(FileSourceConfig.FILE_MAX_AGE_MS_CONFIG, Long.toString(Long.MAX_VALUE))
                .containsEntry(FileSourceConfig.CLEANUP_CONFIG, "archive")
                .containsEntry(FileSourceConfig.CLEANUP_ARCHIVE_PATH_CONFIG, "/data/done")
                .doesNotContainKey(FileSourceConfig.TRIGGER_MAX_BYTES_CONFIG);
    }

    @Test
    void shouldMapMaxFileAgeBytesAndDeleteAndDefaultToNoCleanup() {
        Map<String, String> config = FileSources.connectorConfig(spec(Map.of("path", "/in", "maxFileAge", "2d",
                "maxBytesPerTrigger", "1024")), 1_000);
        assertThat(config).containsEntry(FileSourceConfig.FILE_MAX_AGE_MS_CONFIG, "172800000")
                .containsEntry(FileSourceConfig.TRIGGER_MAX_BYTES_CONFIG, "1024")
                .containsEntry(FileSourceConfig.CLEANUP_CONFIG, "none");
        assertThat(FileSources.connectorConfig(spec(Map.of("path", "/in", "cleanSource", "DELETE")), 1_000))
                .containsEntry(FileSourceConfig.CLEANUP_CONFIG, "delete");
    }

    @Test
    void shouldSkipHiddenFilesAndMatchPathGlobFilterOnNames() {
        Pattern all = Pattern.compile(FileSources.namePattern(null));
        Pattern csv = Pattern.compile(FileSources.namePattern("*.{csv,tsv}"));

        assertThat(all.matcher("part-0.json").matches()).isTrue();
        assertThat(all.matcher("_SUCCESS").matches()).isFalse();
        assertThat(all.matcher(".part-0.crc").matches()).isFalse();
        assertThat(csv.matcher("a.csv").matches()).isTrue();
        assertThat(csv.matcher("a.tsv").matches()).isTrue();
        assertThat(csv.matcher("a.csv.gz").matches()).isFalse();
        assertThat(csv.matcher("_a.csv").matches()).isFalse();
    }

    @Test
    void shouldRefuseFileNameOnlyAcrossDirectories() {
        assertThat(FileSources.connectorConfig(spec(Map.of("path", "/in", "fileNameOnly", "true")), 1_000))
                .containsEntry(FileSourceConfig.FILE_PATH_CONFIG, "/in");
        assertThatThrownBy(() -> spec(Map.of("path", "/in/*/x", "fileNameOnly", "true")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("fileNameOnly");
    }
}
