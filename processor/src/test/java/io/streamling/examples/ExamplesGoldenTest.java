package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.streaming.Durations;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the compiled form of the examples: processor, store and topic names are part of a
 * program's identity (state and offsets are found by them), so a change must be deliberate.
 * Run with {@code -Dgolden.update=true} to rewrite the files after such a change.
 */
class ExamplesGoldenTest {

    private static final Map<String, Consumer<JavaStreamingContext>> EXAMPLES = Map.of(
            "network-word-count", ssc -> NetworkWordCount.wordCounts(ssc.socketTextStream("localhost", 9999)),
            "windowed-word-count", ssc -> WindowedNetworkWordCount.windowedWordCounts(ssc.socketTextStream("localhost", 9999)),
            "stateful-word-count", ssc -> StatefulNetworkWordCount.runningCounts(ssc.socketTextStream("localhost", 9999)),
            "count-by-window", ssc -> QueueCountByWindow.define(ssc, line -> { }),
            "json-file-stream", ssc -> JsonFileStream.define(ssc, "/in", "/out/events", summary -> { }));

    @ParameterizedTest
    @ValueSource(strings = {"network-word-count", "windowed-word-count", "stateful-word-count", "count-by-window",
            "json-file-stream"})
    void shouldCompileToTheCheckedInTopology(String example) throws IOException {
        JavaStreamingContext ssc = new JavaStreamingContext(example,
                example.equals("count-by-window") ? QueueCountByWindow.BATCH : Durations.seconds(1));
        EXAMPLES.get(example).accept(ssc);
        String described = ssc.topology().describe().toString().trim();

        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", example + ".txt"), described + "\n");
        }
        assertThat(described).isEqualTo(golden(example));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ExamplesGoldenTest.class.getResourceAsStream("/golden/" + name + ".txt")) {
            assertThat(in).as("golden file for %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
