package io.streamling.sql;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.lit;
import static io.streamling.sql.functions.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.testing.KafkaTestClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Started queries on the broker: the kafka sink, triggers that stop, checkpoint restarts, the query manager. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StructuredQueryManagementIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path input;

    @TempDir
    Path work;

    private EmbeddedKafkaBroker broker;
    private SparkSession spark;

    @BeforeEach
    void startSession(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        spark = SparkSession.builder().appName("query-management-it-" + UUID.randomUUID().toString().substring(0, 8))
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
    }

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private Dataset<Row> lines() {
        return spark.readStream().format("text").option("path", input.toString()).load();
    }

    /** Moves a file of these lines into the input directory whole, as the file source expects. */
    private void drop(String name, String... lines) throws Exception {
        Path file = Files.writeString(work.resolve(name), String.join("\n", lines) + "\n");
        Files.move(file, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The records in the query's source topic (named after its application id, which holds the query id). */
    private long sourceRecords(StreamingQuery query) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.contains(query.id().toString()) && topic.matches(".*-files-\\d+"))
                    .map(topic -> new TopicPartition(topic, 0)).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    @Test
    void theKafkaSinkWritesKeyAndValueColumnsToTheTopicOption() throws Exception {
        // given: the topic option overrides the topic column
        broker.createTopic("upper-lines", 2);
        Dataset<Row> lines = lines();
        StreamingQuery query = lines.select(col("value").alias("key"), upper(col("value")).alias("value"),
                        lit("ignored").alias("topic"), lit(1).alias("partition")).writeStream().format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers()).option("topic", "upper-lines")
                .option("checkpointLocation", work.resolve("kafka-checkpoint").toString()).start();
        try {
            // when
            drop("a.txt", "a", "b");

            // then
            List<ConsumerRecord<String, String>> records = KafkaTestClients.readUntil(broker.bootstrapServers(),
                    "upper-lines", TIMEOUT, read -> read.size() >= 2);
            assertThat(records).extracting(r -> r.partition() + ":" + r.key() + "=" + r.value())
                    .containsExactly("1:a=A", "1:b=B");
            assertThat(query.lastProgress().sink().numOutputRows()).isEqualTo(2);
        } finally {
            query.stop();
        }
    }

    @Test
    void availableNowAndOnceStopTheQueryOnceTheInputIsProcessed() throws Exception {
        // given
        List<String> events = new CopyOnWriteArrayList<>();
        spark.streams().addListener(new RecordingListener(events));

        // when
        StreamingQuery availableNow = lines().writeStream().format("memory").queryName("now")
                .trigger(Trigger.AvailableNow()).start();
        StreamingQuery once = lines().writeStream().format("noop").trigger(Trigger.Once()).start();

        // then: both stop by themselves, without an error
        assertThat(availableNow.awaitTermination(TIMEOUT.toMillis())).isTrue();
        assertThat(once.awaitTermination(TIMEOUT.toMillis())).isTrue();
        assertThat(availableNow.isActive()).isFalse();
        assertThat(availableNow.exception()).isNull();
        assertThat(availableNow.status().message()).isEqualTo("Stopped");
        assertThat(spark.streams().active()).isEmpty();
        await().atMost(TIMEOUT).until(() -> events.contains("terminated " + availableNow.id() + " null")
                && events.contains("terminated " + once.id() + " null"));

        // and: one stopped before it is done stops at once
        StreamingQuery stopped = lines().writeStream().format("noop").trigger(Trigger.AvailableNow()).start();
        long before = System.nanoTime();
        stopped.stop();
        assertThat(stopped.isActive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aRestartFromTheCheckpointKeepsTheIdAndStateAndContinuesTheBatchIds() throws Exception {
        // given
        String checkpoint = work.resolve("checkpoint").toString();
        List<String> batches = new CopyOnWriteArrayList<>();
        DataStreamWriter<Row> writer = lines().groupBy("value").count().writeStream().outputMode("complete")
                .option("checkpointLocation", checkpoint)
                .foreachBatch((batch, batchId) -> batches.add(batchId + ":" + batch.collectAsList()));
        StreamingQuery first = writer.start();
        drop("1.txt", "a");
        await().atMost(TIMEOUT).until(() -> sourceRecords(first), records -> records == 1);
        first.processAllAvailable();
        assertThat(batches).containsExactly("0:[[a,1]]");
        first.stop();

        // when
        StreamingQuery second = writer.start();
        try {
            drop("2.txt", "a", "b");
            await().atMost(TIMEOUT).until(() -> sourceRecords(second), records -> records == 3);
            second.processAllAvailable();

            // then: same id, new run id, the next batch id, the aggregation's state resumed, only the new input read
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.runId()).isNotEqualTo(first.runId());
            assertThat(batches).containsExactly("0:[[a,1]]", "1:[[a,2], [b,1]]");
            assertThat(second.lastProgress().batchId()).isEqualTo(1);
            assertThat(second.lastProgress().sources()[0].startOffset()).isEqualTo("1");
        } finally {
            second.stop();
        }
    }

    @Test
    void theManagerTracksActiveQueriesAndTellsListenersAboutThem() throws Exception {
        // given
        List<String> events = new CopyOnWriteArrayList<>();
        StreamingQueryListener listener = new RecordingListener(events);
        spark.streams().addListener(listener);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        spark.setConsole(new PrintStream(console, true, StandardCharsets.UTF_8));

        // when
        StreamingQuery query = lines().writeStream().format("memory").queryName("seen").start();

        // then: started is told inside start(), the query is active and found by id
        assertThat(events).containsExactly("started " + query.id() + " seen");
        assertThat(spark.streams().active()).containsExactly(query);
        assertThat(spark.streams().get(query.id())).isSameAs(query);
        assertThat(spark.streams().get(query.id().toString())).isSameAs(query);
        assertThat(spark.streams().listListeners()).containsExactly(listener);
        assertThat(query.status()).isEqualTo(new StreamingQueryStatus("Waiting for data to arrive", false, false));
        assertThatThrownBy(() -> lines().writeStream().format("memory").queryName("seen").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot start query with name seen as a query with that name is already active in this "
                        + "SparkSession");

        // when: input, processed
        drop("1.txt", "x", "y");
        await().atMost(TIMEOUT).until(() -> sourceRecords(query) == 2);
        query.processAllAvailable();

        // then
        assertThat(spark.table("seen").collectAsList()).containsExactly(Row.of("x"), Row.of("y"));
        await().atMost(TIMEOUT).until(() -> events.contains("progress " + query.id() + " batch 0 rows 2"));
        // the triggers after the data find none: the listener hears the query is idle
        await().atMost(TIMEOUT).until(() -> events.contains("idle " + query.id()));
        query.explain(true);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("== Logical Plan ==",
                "WriteToMicroBatchDataSource memory, append mode, seen", "StreamingRelation FileStreamSource[file:",
                "== Physical Plan ==", "Topologies:");

        // when: stopped
        query.stop();

        // then
        assertThat(spark.streams().get(query.id())).isNull();
        assertThat(spark.streams().awaitAnyTermination(1_000)).isTrue();
        await().atMost(TIMEOUT).until(() -> events.contains("terminated " + query.id() + " null"));
        spark.streams().resetTerminated();
        assertThat(spark.streams().awaitAnyTermination(100)).isFalse();
        spark.streams().removeListener(listener);
        assertThat(spark.streams().listListeners()).isEmpty();
    }

    @Test
    void aFailingSinkStopsTheQueryWithAStreamingQueryException() throws Exception {
        // given
        List<String> events = new CopyOnWriteArrayList<>();
        spark.streams().addListener(new RecordingListener(events));
        StreamingQuery query = lines().writeStream().queryName("failing").foreachBatch((batch, batchId) -> {
            throw new IllegalStateException("boom");
        }).start();

        // when
        drop("1.txt", "x");

        // then
        String message = "[STREAM_FAILED] failing [id = " + query.id() + ", runId = " + query.runId()
                + "] terminated with exception: boom";
        assertThatThrownBy(() -> query.awaitTermination(TIMEOUT.toMillis()))
                .isInstanceOf(StreamingQueryException.class).hasMessage(message);
        assertThat(query.exception()).hasMessage(message);
        assertThat(query.isActive()).isFalse();
        assertThatThrownBy(() -> spark.streams().awaitAnyTermination()).isSameAs(query.exception());
        await().atMost(TIMEOUT).until(() -> events.stream().anyMatch(event -> event.startsWith("terminated "
                + query.id() + " ") && event.contains("java.lang.IllegalStateException: boom")));
    }

    @Test
    void toTableFillsASessionTableThatSqlReads() throws Exception {
        // given
        StreamingQuery query = lines().writeStream()
                .option("checkpointLocation", work.resolve("table-checkpoint").toString()).toTable("lines_table");
        try {
            // when
            drop("1.txt", "p", "q");
            await().atMost(TIMEOUT).until(() -> sourceRecords(query) == 2);
            query.processAllAvailable();

            // then
            assertThat(spark.sql("select value from lines_table order by value desc").collectAsList())
                    .containsExactly(Row.of("q"), Row.of("p"));
            assertThat(query.lastProgress().sink().description()).isEqualTo("MemorySink");
        } finally {
            query.stop();
        }
    }

    /** Writes each event as a line: "started id name", "progress id batch n rows m", "terminated id error". */
    private static final class RecordingListener extends StreamingQueryListener {

        private final List<String> events;

        RecordingListener(List<String> events) {
            this.events = events;
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {
            events.add("started " + event.id() + " " + event.name());
        }

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            events.add("progress " + event.progress().id() + " batch " + event.progress().batchId() + " rows "
                    + event.progress().numInputRows());
        }

        @Override
        public void onQueryIdle(QueryIdleEvent event) {
            events.add("idle " + event.id());
        }

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {
            events.add("terminated " + event.id() + " " + event.exception());
        }
    }
}
