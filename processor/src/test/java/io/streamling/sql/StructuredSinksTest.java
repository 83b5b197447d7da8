package io.streamling.sql;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.length;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.testkit.StreamingQueryTestDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sinks: Spark's sink × output-mode matrix and option checks at start(), and what each sink writes. */
class StructuredSinksTest {

    private static final long T0 = 1_700_000_000_000L;

    private final SparkSession spark = SparkSession.builder().appName("sinks-test").getOrCreate();

    @TempDir
    Path stateDir;

    @TempDir
    Path out;

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private Dataset<Row> lines() {
        return spark.readStream().format("text").option("path", "/unused").load();
    }

    private DataStreamWriter<Row> writer(String sink, String mode) {
        // complete mode needs an aggregation; append and update are checked on a plain projection
        Dataset<Row> query = mode.equals("complete") ? lines().groupBy("value").count() : lines();
        DataStreamWriter<Row> writer = query.writeStream().outputMode(mode);
        return switch (sink) {
            case "memory" -> writer.format("memory").queryName("t_" + mode);
            case "foreach" -> writer.foreach(new RecordingWriter(new ArrayList<>()));
            case "foreachBatch" -> writer.foreachBatch((batch, id) -> { });
            case "kafka" -> writer.format("kafka").option("kafka.bootstrap.servers", "localhost:9092")
                    .option("topic", "out");
            case "json", "csv", "text" -> writer.format(sink).option("path", out.toString());
            default -> writer.format(sink);
        };
    }

    @ParameterizedTest(name = "{0} sink in {1} mode")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "console|append|-", "console|update|-", "console|complete|-",
        "memory|append|-", "memory|update|-", "memory|complete|-",
        "foreach|append|-", "foreach|update|-", "foreach|complete|-",
        "foreachBatch|append|-", "foreachBatch|update|-", "foreachBatch|complete|-",
        "kafka|append|-", "kafka|update|-", "kafka|complete|-",
        "noop|append|-", "noop|update|-", "noop|complete|-",
        "json|append|-",
        "json|update|[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: update. This output mode is not supported in Data Source json.",
        "json|complete|[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: complete. This output mode is not supported in Data Source json.",
        "csv|append|-",
        "csv|update|[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: update. This output mode is not supported in Data Source csv.",
        "csv|complete|[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: complete. This output mode is not supported in Data Source csv.",
        "text|append|-",
        "text|update|[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: update. This output mode is not supported in Data Source text.",
        "text|complete|[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: complete. This output mode is not supported in Data Source text.",
    })
    void eachSinkAcceptsOnlyItsOutputModesAtStart(String sink, String mode, String error) {
        DataStreamWriter<Row> writer = writer(sink, mode);
        if (error == null) {
            try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {
                assertThat(test.status().message()).isEqualTo("Initializing sources");
            }
        } else {
            assertThatThrownBy(writer::start).isInstanceOf(AnalysisException.class).hasMessage(error);
        }
    }

    @Test
    void sinkOptionsAreCheckedAtStartWithSparksMessages() {
        Dataset<Row> lines = lines();
        assertThatThrownBy(() -> lines.writeStream().format("json").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'path' is not specified");
        assertThatThrownBy(() -> lines.writeStream().format("parquet").start("/tmp/x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Streamling's file sink writes json, csv and text; the parquet format is not supported");
        assertThatThrownBy(() -> lines.writeStream().format("jdbc").start())
                .hasMessage("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: jdbc.");
        assertThatThrownBy(() -> lines.writeStream().format("json").partitionBy("nope").start(out.toString()))
                .hasMessage("Partition column `nope` not found in schema struct<value:string>");
        assertThatThrownBy(() -> lines.writeStream().format("json").partitionBy("value").start(out.toString()))
                .hasMessage("Cannot use all columns for partition columns");
        Dataset<Row> lengths = lines.select(col("value"), length(col("value")).alias("len"));
        assertThatThrownBy(() -> lengths.writeStream().format("text").start(out.toString()))
                .hasMessage("Text data source supports only a single column, and you have 2 columns.");
        assertThatThrownBy(() -> lengths.select(col("len")).writeStream().format("text").start(out.toString()))
                .hasMessage("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the column "
                        + "`len` of the type \"INT\".");
        assertThatThrownBy(() -> lines.writeStream().format("memory").queryName("m").partitionBy("value").start())
                .isInstanceOf(AnalysisException.class).hasMessage("'memory' does not support partitioning");
        assertThatThrownBy(() -> lines.writeStream().partitionBy("value").foreachBatch((b, id) -> { }).start())
                .hasMessage("'foreachBatch' does not support partitioning");
        assertThatThrownBy(() -> Trigger.ProcessingTime(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requirement failed: the interval of trigger should not be negative");
        assertThatThrownBy(() -> lines.writeStream().format("json").start(out.toString()))
                .isInstanceOf(AnalysisException.class).hasMessage("checkpointLocation must be specified either through "
                        + "option(\"checkpointLocation\", ...) or SparkSession.conf.set(\"spark.sql.streaming."
                        + "checkpointLocation\", ...).");
        assertThatThrownBy(() -> lines.writeStream().toTable("t"))
                .hasMessageStartingWith("checkpointLocation must be specified");
        assertThatThrownBy(() -> lines.writeStream().trigger(Trigger.Continuous("1 second")).start())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Trigger.Continuous (continuous processing) is not supported: Streamling runs every "
                        + "query as micro-batches; use Trigger.ProcessingTime");
    }

    @Test
    void theKafkaSinkChecksItsColumnsAndOptionsWithSparksMessages() {
        Dataset<Row> lines = lines();
        Dataset<Row> lengths = lines.select(length(col("value")).alias("value"));
        Dataset<Row> keyed = lines.select(col("value").alias("key"));
        String servers = "kafka.bootstrap.servers";
        assertThatThrownBy(() -> lines.writeStream().format("kafka").option(servers, "b:9092").start())
                .isInstanceOf(AnalysisException.class).hasMessage("topic option required when no 'topic' attribute "
                        + "is present. Use the topic option for setting a topic.");
        assertThatThrownBy(() -> keyed.writeStream().format("kafka").option(servers, "b:9092").option("topic", "t")
                .start()).isInstanceOf(AnalysisException.class).hasMessage("Required attribute 'value' not found");
        assertThatThrownBy(() -> lengths.writeStream().format("kafka").option(servers, "b:9092").option("topic", "t")
                .start()).hasMessage("value attribute unsupported type int. value must be a(n) string or binary");
        assertThatThrownBy(() -> lines.select(col("value"), col("value").alias("topic"),
                functions.lit(7L).alias("partition")).writeStream().format("kafka").option(servers, "b:9092").start())
                .hasMessage("partition attribute unsupported type bigint. partition must be a(n) int");
        assertThatThrownBy(() -> lines.writeStream().format("kafka").option("topic", "t").start())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required configuration \"bootstrap.servers\" which has no default value.");
        assertThatThrownBy(() -> lines.writeStream().format("kafka").option(servers, "b:9092").option("topic", "t")
                .option("kafka.value.serializer", "x").start())
                .hasMessage("Kafka option 'value.serializer' is not supported as value are serialized with "
                        + "ByteArraySerializer.");
    }

    @Test
    void theJsonFileSinkWritesEachMicroBatchAsNewFilesInHivePartitionDirectories() throws IOException {
        // given
        Dataset<Row> lines = lines();
        DataStreamWriter<Row> writer = lines.select(col("value"), length(col("value")).alias("len")).writeStream()
                .format("json").partitionBy("len").option("path", out.toString());
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: two micro-batches
            test.send(T0 + 10, "ab", "cd", "abc");
            test.send(T0 + 1_010, "xy");
            test.closeThrough(T0 + 2_000);
        }

        // then: a file per batch and partition, rows without the partition column, no temporary files left
        assertThat(contents(out.resolve("len=2"))).containsExactlyInAnyOrder(
                "{\"value\":\"ab\"}\n{\"value\":\"cd\"}\n", "{\"value\":\"xy\"}\n");
        assertThat(contents(out.resolve("len=3"))).containsExactly("{\"value\":\"abc\"}\n");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.matches("part-00000-[0-9a-f-]{36}-c000\\.json"));
        }
    }

    @Test
    void theCsvAndTextSinksWriteSparksDefaultFormats() throws IOException {
        // given
        Dataset<Row> events = spark.readStream().schema("a STRING, n BIGINT, t TIMESTAMP").json("/unused");
        Path csv = out.resolve("csv");
        Path text = out.resolve("text");
        try (StreamingQueryTestDriver csvTest = new StreamingQueryTestDriver(events.writeStream().format("csv")
                .option("path", csv.toString()), stateDir.resolve("csv"), Instant.ofEpochMilli(T0));
             StreamingQueryTestDriver textTest = new StreamingQueryTestDriver(events.select(col("a")).writeStream()
                .format("text").option("path", text.toString()), stateDir.resolve("text"), Instant.ofEpochMilli(T0))) {

            // when
            for (StreamingQueryTestDriver test : List.of(csvTest, textTest)) {
                test.send(T0 + 10, "{\"a\":\"x, y\",\"n\":1,\"t\":1469501107}", "{\"a\":\"\"}",
                        "{\"a\":\" pad \",\"n\":2}", "{\"a\":\"say \\\"hi\\\"\"}", "{\"n\":3}");
                test.closeThrough(T0 + 1_000);
            }
        }

        // then
        assertThat(contents(csv)).containsExactly(String.join("\n", "\"x, y\",1,2016-07-26T02:45:07.000Z", "\"\",,",
                "pad,2,", "\"say \\\"hi\\\"\",,", ",3,", ""));
        assertThat(contents(text)).containsExactly(String.join("\n", "x, y", "", " pad ", "say \"hi\"", "", ""));
    }

    @Test
    void foreachOpensProcessesAndClosesEachMicroBatch() {
        // given
        List<String> calls = new ArrayList<>();
        DataStreamWriter<Row> writer = lines().writeStream().foreach(new RecordingWriter(calls));
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: input in the first and third trigger intervals
            test.send(T0 + 10, "a", "b");
            test.send(T0 + 2_010, "skip");
            test.closeThrough(T0 + 3_000);
        }

        // then: open said no to the second epoch, which is still closed
        assertThat(calls).containsExactly("open(0, 0)", "process([a])", "process([b])", "close(null)", "open(0, 1)",
                "close(null)");
    }

    @Test
    void aForeachWriterThatFailsIsClosedWithTheErrorAndFailsTheQuery() {
        // given
        List<String> calls = new ArrayList<>();
        DataStreamWriter<Row> writer = lines().writeStream().foreach(new RecordingWriter(calls) {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(Row value) {
                throw new IllegalStateException("bad row " + value);
            }
        });
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "a");

            // then
            assertThatThrownBy(() -> test.closeThrough(T0 + 1_000)).hasStackTraceContaining("bad row [a]");
            assertThat(calls).containsExactly("open(0, 0)", "close(java.lang.IllegalStateException: bad row [a])");
        }
    }

    @Test
    void theBatchIdContinuesAfterARestartFromTheCheckpointAndTheQueryIdIsKept() {
        // given
        String checkpoint = out.resolve("checkpoint").toString();
        DataStreamWriter<Row> writer = lines().writeStream().format("console").option("checkpointLocation", checkpoint);
        java.util.UUID firstId;
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir.resolve("a"),
                Instant.ofEpochMilli(T0))) {
            test.send(T0 + 10, "a");
            test.closeThrough(T0 + 1_000);
            firstId = test.id();
        }

        // when
        try (StreamingQueryTestDriver restarted = new StreamingQueryTestDriver(writer, stateDir.resolve("b"),
                Instant.ofEpochMilli(T0 + 5_000))) {
            restarted.send(T0 + 5_010, "b");
            restarted.closeThrough(T0 + 6_000);

            // then
            assertThat(restarted.id()).isEqualTo(firstId);
            assertThat(restarted.console()).contains("Batch: 1\n").doesNotContain("Batch: 0");
            assertThat(restarted.recentProgress()[0].batchId()).isEqualTo(1);
            assertThat(restarted.recentProgress()[0].sources()[0].startOffset()).isEqualTo("1");
        }
    }

    private static List<String> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** Records its calls; says no to epoch 1. */
    static class RecordingWriter extends ForeachWriter<Row> {

        private static final long serialVersionUID = 1L;

        private final transient List<String> calls;

        RecordingWriter(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public boolean open(long partitionId, long epochId) {
            calls.add("open(" + partitionId + ", " + epochId + ")");
            return epochId != 1;
        }

        @Override
        public void process(Row value) {
            calls.add("process(" + value + ")");
        }

        @Override
        public void close(Throwable errorOrNull) {
            calls.add("close(" + errorOrNull + ")");
        }
    }
}
