package io.streamling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.examples.StructuredWordCount;
import io.streamling.internal.sql.PlanText;
import io.streamling.internal.sql.QueryCheckpoint;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress reports, status and plans: Spark's fields and JSON, as the micro-batches produce them. */
class StructuredProgressTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final UUID ID = UUID.fromString("ce011fdc-8762-4dcb-84eb-a77333e28109");
    private static final UUID RUN_ID = UUID.fromString("88e2ff94-ede0-45a8-b687-6316fbef529a");

    private final SparkSession spark = SparkSession.builder().appName("progress-test").getOrCreate();

    @TempDir
    Path dir;

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private static StreamingQueryProgress guideExample(String name) {
        SourceProgress source = new SourceProgress("KafkaSource[Subscribe[topic-0]]", "{\"topic-0\":{\"0\":1,\"1\":1}}",
                "{\"topic-0\":{\"0\":534,\"1\":134}}", null, 10, 120.0, 200.0, Map.of());
        return new StreamingQueryProgress(ID, RUN_ID, name, "2016-12-14T18:45:24.873Z", 0, 3,
                Map.of("triggerExecution", 3L, "getOffset", 2L), Map.of("watermark", "2016-12-14T18:45:24.873Z"),
                List.of(), List.of(source), new SinkProgress("MemorySink", 10, Map.of()));
    }

    @Test
    void prettyJsonIsSparksIndentedFormWithFieldsInSparksOrder() {
        assertThat(guideExample("MyQuery").prettyJson()).isEqualTo(String.join("\n",
                "{",
                "  \"id\" : \"ce011fdc-8762-4dcb-84eb-a77333e28109\",",
                "  \"runId\" : \"88e2ff94-ede0-45a8-b687-6316fbef529a\",",
                "  \"name\" : \"MyQuery\",",
                "  \"timestamp\" : \"2016-12-14T18:45:24.873Z\",",
                "  \"batchId\" : 0,",
                "  \"batchDuration\" : 3,",
                "  \"numInputRows\" : 10,",
                "  \"inputRowsPerSecond\" : 120.0,",
                "  \"processedRowsPerSecond\" : 200.0,",
                "  \"durationMs\" : {",
                "    \"getOffset\" : 2,",
                "    \"triggerExecution\" : 3",
                "  },",
                "  \"eventTime\" : {",
                "    \"watermark\" : \"2016-12-14T18:45:24.873Z\"",
                "  },",
                "  \"stateOperators\" : [ ],",
                "  \"sources\" : [ {",
                "    \"description\" : \"KafkaSource[Subscribe[topic-0]]\",",
                "    \"startOffset\" : {",
                "      \"topic-0\" : {",
                "        \"0\" : 1,",
                "        \"1\" : 1",
                "      }",
                "    },",
                "    \"endOffset\" : {",
                "      \"topic-0\" : {",
                "        \"0\" : 534,",
                "        \"1\" : 134",
                "      }",
                "    },",
                "    \"latestOffset\" : null,",
                "    \"numInputRows\" : 10,",
                "    \"inputRowsPerSecond\" : 120.0,",
                "    \"processedRowsPerSecond\" : 200.0",
                "  } ],",
                "  \"sink\" : {",
                "    \"description\" : \"MemorySink\",",
                "    \"numOutputRows\" : 10",
                "  }",
                "}"));
    }

    @Test
    void compactJsonLeavesOutRatesThatAreNotNumbersAndEmptyMaps() {
        SourceProgress source = new SourceProgress("s", null, "3", "3", 3, 0.0, Double.POSITIVE_INFINITY, Map.of());
        StreamingQueryProgress progress = new StreamingQueryProgress(ID, RUN_ID, null, "2016-12-14T18:45:24.873Z", 4, 0,
                Map.of(), Map.of(), List.of(), List.of(source), new SinkProgress("ConsoleTable", 3, Map.of()));

        assertThat(progress.json()).isEqualTo("{\"id\":\"" + ID + "\",\"runId\":\"" + RUN_ID + "\",\"name\":null,"
                + "\"timestamp\":\"2016-12-14T18:45:24.873Z\",\"batchId\":4,\"batchDuration\":0,\"numInputRows\":3,"
                + "\"inputRowsPerSecond\":0.0,\"stateOperators\":[],\"sources\":[{\"description\":\"s\","
                + "\"startOffset\":null,\"endOffset\":3,\"latestOffset\":3,\"numInputRows\":3,"
                + "\"inputRowsPerSecond\":0.0}],\"sink\":{\"description\":\"ConsoleTable\",\"numOutputRows\":3}}");
        assertThat(new StreamingQueryStatus("Waiting for data to arrive", false, false).json()).isEqualTo(
                "{\"message\":\"Waiting for data to arrive\",\"isDataAvailable\":false,\"isTriggerActive\":false}");
    }

    @Test
    void eachMicroBatchReportsItsIdInputOffsetsAndOutputRows() {
        // given
        Dataset<Row> lines = spark.readStream().format("text").option("path", "/unused").load();
        DataStreamWriter<Row> writer = StructuredWordCount.wordCounts(lines).writeStream().outputMode("update")
                .format("console");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, dir, Instant.ofEpochMilli(T0))) {

            // when: three lines in the first trigger, none in the second, two in the third
            test.send(T0 + 10, "a b", "a", "c");
            test.send(T0 + 2_010, "a", "d");
            test.closeThrough(T0 + 3_000);

            // then
            StreamingQueryProgress[] progress = test.recentProgress();
            assertThat(progress).extracting(StreamingQueryProgress::batchId).containsExactly(0L, 1L);
            assertThat(progress).extracting(StreamingQueryProgress::numInputRows).containsExactly(3L, 2L);
            assertThat(progress).extracting(p -> p.sources()[0].startOffset()).containsExactly(null, "3");
            assertThat(progress).extracting(p -> p.sources()[0].endOffset()).containsExactly("3", "5");
            assertThat(progress).extracting(p -> p.sink().numOutputRows()).containsExactly(3L, 2L);
            assertThat(progress[0].sources()[0].description()).isEqualTo("FileStreamSource[file:/unused]");
            assertThat(progress[0].sources()[0].inputRowsPerSecond()).isEqualTo(0.0);
            assertThat(progress[0].sink().description()).isEqualTo("ConsoleTable");
            assertThat(progress[0].durationMs()).containsOnlyKeys("addBatch", "triggerExecution");
            assertThat(progress[0].timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(progress[1].id()).isEqualTo(test.id());
            assertThat(test.status()).isEqualTo(new StreamingQueryStatus("Waiting for data to arrive", false, false));
        }
    }

    @Test
    void theLogicalPlanReadsFromTheSinkDownToTheSource() {
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999).load();
        DataStreamWriter<Row> writer = StructuredWordCount.wordCounts(lines).writeStream().outputMode("complete")
                .format("console").queryName("words");

        assertThat(PlanText.describe(writer.spec())).isEqualTo(String.join("\n",
                "WriteToMicroBatchDataSource console, complete mode, words",
                "+- Aggregate [word], [word, count]",
                "   +- Project [word]",
                "      +- StreamingRelation TextSocketV2[host: localhost, port: 9999], [value]", ""));
    }

    @Test
    void aCheckpointKeepsTheQueryIdInSparksMetadataFile() throws Exception {
        Path location = dir.resolve("cp");

        UUID first = QueryCheckpoint.at(location.toString()).queryId();
        QueryCheckpoint again = QueryCheckpoint.at(location.toString());

        assertThat(again.queryId()).isEqualTo(first);
        assertThat(Files.readString(location.resolve("metadata"))).isEqualTo("{\"id\":\"" + first + "\"}\n");
        assertThat(again.nextBatchId()).isZero();
        again.commit(0, 3);
        assertThat(QueryCheckpoint.at(location.toString()).nextBatchId()).isEqualTo(1);
        assertThat(QueryCheckpoint.at(location.toString()).committedOffset()).isEqualTo(3);
    }
}
