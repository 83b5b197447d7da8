package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class FilePartitionTest {

    private static final String PATH = "/in/a.txt";
    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void shouldEqualAndHashLikeAnyMapWithThePathAndFingerprint() {
        // given
        Map<String, String> partition = new FilePartition(PATH, FINGERPRINT);
        Map<String, String> plain = new HashMap<>(Map.of("path", PATH, "fingerprint", FINGERPRINT));

        // then: Connect and the offset store may hand back their own map of the same entries
        assertThat(partition).isEqualTo(plain).hasSameHashCodeAs(plain).containsExactly(
                Map.entry("path", PATH), Map.entry("fingerprint", FINGERPRINT));
        assertThat(plain).isEqualTo(partition);
        assertThat(partition).isEqualTo(new FilePartition(PATH, FINGERPRINT))
                .isNotEqualTo(new FilePartition(PATH, "cd".repeat(32)))
                .isNotEqualTo(Map.of("path", PATH));
        assertThat(partition.get("path")).isEqualTo(PATH);
        assertThat(partition.get("fingerprint")).isEqualTo(FINGERPRINT);
        assertThat(partition.get("position")).isNull();
    }

    @Test
    void shouldSerializeLikeTheOrderedMapItReplacesSoStoredOffsetsAreFound() {
        // given: how Connect's offset store serializes a partition (JSON, schemas off)
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("path", PATH);
        ordered.put("fingerprint", FINGERPRINT);

        // when
        byte[] ours = converter.fromConnectData("files", null, List.of("connector", new FilePartition(PATH, FINGERPRINT)));
        byte[] theirs = converter.fromConnectData("files", null, List.of("connector", ordered));

        // then
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(theirs, StandardCharsets.UTF_8))
                .isEqualTo("[\"connector\",{\"path\":\"" + PATH + "\",\"fingerprint\":\"" + FINGERPRINT + "\"}]");
    }
}
