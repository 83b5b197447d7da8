package io.streamling.sql;

import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.testing.KafkaTestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Structured sources for real: a Kafka topic on the embedded broker, and csv files already in a directory. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StructuredSourcesIT {

    @TempDir
    Path input;

    @Test
    void kafkaSourceReadsATopicFromTheEarliestOffsetWithCastValues(EmbeddedKafkaBroker broker) throws Exception {
        // given: records already in the topic
        String servers = broker.bootstrapServers();
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic("sources-it-events", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(servers)) {
            producer.send(new ProducerRecord<>("sources-it-events", "a", "hello")).get();
            producer.send(new ProducerRecord<>("sources-it-events", null, "world")).get();
        }
        SparkSession spark = SparkSession.builder().appName("sources-it-kafka").getOrCreate();
        try {
            Dataset<Row> values = spark.readStream().format("kafka").option("kafka.bootstrap.servers", servers)
                    .option("subscribe", "sources-it-events").option("startingOffsets", "earliest").load()
                    .selectExpr("CAST(key AS STRING)", "CAST(value AS STRING)", "partition", "offset");

            // when
            StreamingQuery query = values.writeStream().format("memory").queryName("kafka_rows").start();
            try {
                // then
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> spark.table("kafka_rows")
                        .collectAsList().equals(List.of(Row.of("a", "hello", 0, 0L), Row.of(null, "world", 0, 1L))));
            } finally {
                query.stop();
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void csvFileSourceReadsTheFilesAlreadyInTheDirectory(EmbeddedKafkaBroker broker) throws Exception {
        // given: a file there before the query starts, one after
        Files.writeString(input.resolve("a.csv"), "name,age\nalice,30\nbob,x\n");
        SparkSession spark = SparkSession.builder().appName("sources-it-csv")
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
        try {
            Dataset<Row> people = spark.readStream().schema("name STRING, age INT").option("header", "true")
                    .option("pathGlobFilter", "*.csv").csv(input.toString());
            StreamingQuery query = people.writeStream().format("memory").queryName("people").start();
            try {
                // when
                Path staged = Files.writeString(input.resolve(".b.tmp"), "name,age\ncarol,7\n");
                Files.move(staged, input.resolve("b.csv"));
                Files.writeString(input.resolve("ignored.txt"), "name,age\nnobody,0\n");

                // then
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> spark.sql(
                        "select name, age from people order by name").collectAsList()
                        .equals(List.of(Row.of("alice", 30), Row.of("bob", null), Row.of("carol", 7))));
            } finally {
                query.stop();
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void rateMicroBatchSourceWritesItsBatchesAsTheClockAdvances(EmbeddedKafkaBroker broker) throws Exception {
        // given
        SparkSession spark = SparkSession.builder().appName("sources-it-rate")
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
        try {
            Dataset<Row> rate = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 2)
                    .option("numPartitions", 1).load();

            // when
            StreamingQuery query = rate.selectExpr("value").writeStream().format("memory").queryName("rate_rows").start();
            try {
                // then: the first batches hold 0, 1 then 2, 3 (a batch that has closed is whole)
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> spark.table("rate_rows")
                        .collectAsList().size() >= 4);
                List<Row> rows = spark.table("rate_rows").collectAsList();
                org.assertj.core.api.Assertions.assertThat(rows.subList(0, 4))
                        .containsExactly(Row.of(0L), Row.of(1L), Row.of(2L), Row.of(3L));
            } finally {
                query.stop();
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void maxFilesPerTriggerGivesEachMicroBatchOneWholeFileInModificationOrder(EmbeddedKafkaBroker broker) throws Exception {
        // given: three files already there, oldest first
        long now = System.currentTimeMillis();
        String[] names = {"c.txt", "a.txt", "b.txt"};
        for (int i = 0; i < names.length; i++) {
            Path file = Files.writeString(input.resolve(names[i]), names[i] + "-1\n" + names[i] + "-2\n");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(now - 60_000 + i * 1_000));
        }
        SparkSession spark = SparkSession.builder().appName("sources-it-max-files")
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
        java.util.Map<Long, List<String>> batches = new java.util.concurrent.ConcurrentSkipListMap<>();
        try {
            Dataset<Row> lines = spark.readStream().option("maxFilesPerTrigger", 1).text(input.toString());

            // when
            StreamingQuery query = lines.writeStream().foreachBatch((batch, id) ->
                    batches.put(id, batch.collectAsList().stream().map(r -> r.getString(0)).toList())).start();
            try {
                // then
                await().atMost(Duration.ofSeconds(60)).until(() -> batches.size() >= 3);
                org.assertj.core.api.Assertions.assertThat(batches.values()).containsExactly(
                        List.of("c.txt-1", "c.txt-2"), List.of("a.txt-1", "a.txt-2"), List.of("b.txt-1", "b.txt-2"));
            } finally {
                query.stop();
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void staticKafkaReadReturnsEachPartitionsRecordsUpToTheEndingOffsets(EmbeddedKafkaBroker broker) throws Exception {
        // given: two partitions
        String servers = broker.bootstrapServers();
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic("sources-it-static", 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(servers)) {
            producer.send(new ProducerRecord<>("sources-it-static", 1, null, "c")).get();
            producer.send(new ProducerRecord<>("sources-it-static", 0, null, "a")).get();
            producer.send(new ProducerRecord<>("sources-it-static", 0, null, "b")).get();
        }
        SparkSession spark = SparkSession.builder().appName("sources-it-static").getOrCreate();
        try {
            // when
            List<Row> all = spark.read().format("kafka").option("kafka.bootstrap.servers", servers)
                    .option("subscribe", "sources-it-static").load()
                    .selectExpr("CAST(value AS STRING)", "partition", "offset").collectAsList();
            List<Row> bounded = spark.read().format("kafka").option("kafka.bootstrap.servers", servers)
                    .option("subscribe", "sources-it-static")
                    .option("endingOffsets", "{\"sources-it-static\":{\"0\":1,\"1\":-1}}").load()
                    .selectExpr("CAST(value AS STRING)").collectAsList();

            // then
            org.assertj.core.api.Assertions.assertThat(all)
                    .containsExactly(Row.of("a", 0, 0L), Row.of("b", 0, 1L), Row.of("c", 1, 0L));
            org.assertj.core.api.Assertions.assertThat(bounded).containsExactly(Row.of("a"), Row.of("c"));
        } finally {
            spark.stop();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaSourceWithSubscribePatternReadsTheMatchingTopicsWithHeaders(EmbeddedKafkaBroker broker) throws Exception {
        // given: two matching topics and one that does not match
        String servers = broker.bootstrapServers();
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic("pattern-it-a", 1, (short) 1), new NewTopic("pattern-it-b", 1, (short) 1),
                    new NewTopic("other-it", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(servers)) {
            ProducerRecord<String, String> withHeader = new ProducerRecord<>("pattern-it-a", "k", "from a");
            withHeader.headers().add("h", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(withHeader).get();
            producer.send(new ProducerRecord<>("pattern-it-b", null, "from b")).get();
            producer.send(new ProducerRecord<>("other-it", null, "other")).get();
        }
        SparkSession spark = SparkSession.builder().appName("sources-it-pattern").getOrCreate();
        try {
            Dataset<Row> values = spark.readStream().format("kafka").option("kafka.bootstrap.servers", servers)
                    .option("subscribePattern", "pattern-it-.*").option("startingOffsets", "earliest")
                    .option("includeHeaders", "true").load()
                    .selectExpr("topic", "CAST(value AS STRING)", "headers");

            // when
            StreamingQuery query = values.writeStream().format("memory").queryName("pattern_rows").start();
            try {
                // then
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> spark.sql(
                        "select topic, value from pattern_rows order by topic").collectAsList()
                        .equals(List.of(Row.of("pattern-it-a", "from a"), Row.of("pattern-it-b", "from b"))));
                Row a = spark.sql("select headers from pattern_rows where topic = 'pattern-it-a'").collectAsList().get(0);
                org.assertj.core.api.Assertions.assertThat((List<Object>) a.get(0))
                        .containsExactly(Row.of("h", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } finally {
                query.stop();
            }
        } finally {
            spark.stop();
        }
    }
}
