package io.streamling.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The seeds' file example: JSON lines from files dropped in a directory, parsed, filtered,
 * summarised per batch and saved. The PySpark original:
 *
 * <pre>
 * lines = ssc.textFileStream(inputdir)
 * data = lines.map(json.loads).filter(...)
 * data.foreachRDD(summarize)
 * data.saveAsTextFiles(outputprefix)
 * </pre>
 *
 * <p>Here each line is an event such as {@code {"user": "ann", "action": "open"}}; events without
 * an action (or lines that are not JSON objects) are filtered out, each batch prints a summary
 * line, and the events are saved as {@code outputprefix-<batch time>.json} directories.
 */
public final class JsonFileStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFileStream() {
    }

    /** Adds the example to {@code ssc}: summaries go to {@code summaries}, events under {@code outputPrefix}. */
    public static JavaDStream<Map<String, Object>> define(JavaStreamingContext ssc, String inputDirectory,
                                                          String outputPrefix, Consumer<String> summaries) {
        return define(ssc.textFileStream(inputDirectory), outputPrefix, summaries);
    }

    /** The example on any stream of JSON lines. */
    public static JavaDStream<Map<String, Object>> define(JavaDStream<String> lines, String outputPrefix,
                                                          Consumer<String> summaries) {
        JavaDStream<Map<String, Object>> data = lines.map(JsonFileStream::parse)
                .filter(event -> event.get("action") instanceof String);
        data.foreachRDD((rdd, time) -> {
            Map<String, Long> perAction = new TreeMap<>();
            rdd.foreach(event -> perAction.merge((String) event.get("action"), 1L, Long::sum));
            summaries.accept("Batch " + time + ": " + rdd.count() + " events " + perAction);
        });
        data.saveAsTextFiles(outputPrefix, "json");
        return data;
    }

    /** The JSON object of {@code line}, or an empty map when the line is not one. */
    static Map<String, Object> parse(String line) {
        try {
            return new TreeMap<>(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            return new TreeMap<>();
        }
    }
}
