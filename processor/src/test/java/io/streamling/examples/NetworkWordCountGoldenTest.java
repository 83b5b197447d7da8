package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the compiled form of NetworkWordCount: processor, store and topic names are part of a
 * program's identity (state and offsets are found by them), so a change must be deliberate.
 */
class NetworkWordCountGoldenTest {

    @Test
    void shouldCompileToTheCheckedInTopology() throws IOException {
        assertThat(compile(Map.of()).trim()).isEqualTo(golden("network-word-count.txt"));
    }

    static String compile(Map<String, Integer> partitions) {
        JavaStreamingContext ssc = new JavaStreamingContext("NetworkWordCount", Durations.seconds(1));
        NetworkWordCount.wordCounts(ssc.socketTextStream("localhost", 9999));
        return ssc.topology(partitions).describe().toString();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = NetworkWordCountGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
