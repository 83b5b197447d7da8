package io.streamling.examples;

import static io.streamling.sql.functions.col;

import io.streamling.connect.socket.tools.LineServer;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;
import io.streamling.sql.StreamingQueryException;
import io.streamling.sql.StreamingQueryProgress;
import io.streamling.streaming.StreamingConf;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The launcher's Structured Streaming runs over files: each drops its input into a fresh
 * directory, file by file, while the query watches it, and prints what the query writes. Input
 * is known in advance, so each run stops once the query has read all of it (its progress counts
 * the rows) and written the result, or at the deadline.
 */
final class StructuredRuns {

    /** The seed-like open/close events: epoch-second times from 2016-07-26 02:45:07 UTC, three files. */
    static final List<List<String>> EVENT_FILES = eventFiles();

    private final String bootstrapServers;
    private final Instant deadline;
    private final PrintStream out;

    /**
     * @param bootstrapServers the Kafka cluster, or null for the embedded default
     * @param durationSeconds how long a run may take at most
     */
    StructuredRuns(String bootstrapServers, long durationSeconds, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.deadline = Instant.now().plusSeconds(durationSeconds);
        this.out = out;
    }

    private SparkSession session(String appName, String servers) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (servers != null) {
            builder.config(StreamingConf.BOOTSTRAP_SERVERS, servers);
        }
        SparkSession spark = builder.getOrCreate();
        spark.setConsole(out);
        return spark;
    }

    /**
     * The word count in complete mode over the text served on a local socket, a line every
     * {@code delay}; stops once every line has been read and counted.
     */
    void wordCount(List<String> text, Duration delay) throws Exception {
        SparkSession spark = session("StructuredWordCount", bootstrapServers);
        try (LineServer server = LineServer.serve(text, 0, delay)) {
            Dataset<Row> lines = spark.readStream().format("socket").option("host", "127.0.0.1")
                    .option("port", Integer.toString(server.port())).load();
            StreamingQuery query = StructuredWordCount.wordCounts(lines).writeStream().outputMode("complete")
                    .format("console").start();
            System.err.printf("Serving %d lines on 127.0.0.1:%d%n", text.size(), server.port());
            awaitInputRows(query, text.size());
            query.stop();
        } finally {
            spark.stop();
        }
    }

    /**
     * Line lengths in update mode: the text in three files, one every two seconds; each
     * micro-batch prints the counts of the lengths it changed.
     */
    void lineLengths(List<String> text) throws Exception {
        Path input = Files.createTempDirectory("streamling-text-in-");
        Path staging = Files.createTempDirectory("streamling-text-staging-");
        SparkSession spark = session("StructuredLineLengths", bootstrapServers);
        try {
            Dataset<Row> lines = spark.readStream().format("text").option("path", input.toString()).load();
            StreamingQuery query = StructuredLineLengths.counts(lines).writeStream().format("console")
                    .outputMode("update").start();
            System.err.println("Watching " + input);
            int third = (text.size() + 2) / 3;
            for (int i = 0; i * third < text.size(); i++) {
                drop(staging, input, "lines-" + i + ".txt", text.subList(i * third, Math.min(text.size(), (i + 1) * third)));
                query.awaitTermination(2_000);
            }
            awaitInputRows(query, text.size());
            query.stop();
        } finally {
            spark.stop();
        }
    }

    /**
     * The open/close events: the static analysis of the files (counts per action and hour, and
     * the totals), then the same counts as a stream, one file per trigger, in complete mode to
     * the memory table {@code counts}, and the totals that SQL computes over it.
     */
    void events() throws Exception {
        Path input = Files.createTempDirectory("streamling-events-in-");
        Path staging = Files.createTempDirectory("streamling-events-staging-");
        for (int i = 0; i < EVENT_FILES.size(); i++) {
            drop(staging, input, "events-" + i + ".json", EVENT_FILES.get(i));
        }
        SparkSession spark = session("StructuredEvents", bootstrapServers);
        try {
            out.println("Static analysis of " + input + ":");
            Dataset<Row> staticInput = spark.read().schema(StructuredEvents.SCHEMA).json(input.toString());
            Dataset<Row> staticCounts = StructuredEvents.counts(staticInput);
            staticCounts.orderBy(col("window"), col("action")).show(false);
            staticCounts.createOrReplaceTempView("static_counts");
            spark.sql("select action, sum(count) as total_count from static_counts group by action order by action")
                    .show();

            out.println("Streaming, one file per trigger, to the memory table counts:");
            Dataset<Row> streamingInput = spark.readStream().schema(StructuredEvents.SCHEMA)
                    .option("maxFilesPerTrigger", 1).json(input.toString());
            StreamingQuery query = StructuredEvents.counts(streamingInput).writeStream().format("memory")
                    .queryName("counts").outputMode("complete").start();
            int events = EVENT_FILES.stream().mapToInt(List::size).sum();
            awaitInputRows(query, events);
            out.println(StructuredEvents.TOTALS_SQL + ":");
            spark.sql(StructuredEvents.TOTALS_SQL).show();
            query.stop();
        } finally {
            spark.stop();
        }
    }

    /**
     * The windowed word events in append mode to the Kafka topic {@value StructuredWindowedEvents#TOPIC}:
     * a file every three seconds (so a no-data micro-batch after each can write the windows the
     * watermark finalized), with a consumer printing each record as it lands in the topic. On the
     * embedded default, the broker is started here, as the Kafka sink needs its address up front.
     */
    void windowedEventsToKafka() throws Exception {
        Path input = Files.createTempDirectory("streamling-words-in-");
        Path staging = Files.createTempDirectory("streamling-words-staging-");
        EmbeddedKafkaBroker broker = bootstrapServers == null ? EmbeddedKafkaBroker.start() : null;
        String servers = broker == null ? bootstrapServers : broker.bootstrapServers();
        SparkSession spark = session("StructuredWindowedEvents", servers);
        try (KafkaConsumer<String, String> consumer = consumer(servers, StructuredWindowedEvents.TOPIC)) {
            Dataset<Row> events = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json(input.toString());
            Path checkpoint = Files.createTempDirectory("streamling-words-checkpoint-");
            StreamingQuery query = StructuredWindowedEvents.sink(StructuredWindowedEvents.windowedCounts(events), servers,
                    checkpoint.toString()).start();
            System.err.println("Watching " + input + "; printing what lands in topic " + StructuredWindowedEvents.TOPIC
                    + " on " + servers);
            List<List<String>> files = StructuredWindowedEvents.GUIDE_EVENTS;
            for (int i = 0; i < files.size() && Instant.now().isBefore(deadline); i++) {
                drop(staging, input, "events-" + i + ".json", files.get(i));
                out.println("Dropped events-" + i + ".json: " + String.join(" ", files.get(i)));
                printRecords(consumer, Duration.ofSeconds(3));
            }
            // the last file's micro-batch, then its no-data micro-batch and the idle timeout that closes them
            printRecords(consumer, Duration.ofSeconds(6));
            query.stop();
        } finally {
            spark.stop();
            if (broker != null) {
                broker.close();
            }
        }
    }

    private KafkaConsumer<String, String> consumer(String servers, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause(), e.getCause());
            }
        }
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "streamling-launcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        // from the end: only what this run writes
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private void printRecords(KafkaConsumer<String, String> consumer, Duration duration) {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                out.println(record.topic() + ": key=" + record.key() + " value=" + record.value());
            }
        }
    }

    /** Waits until the query's micro-batches have read {@code rows} rows in all, then until its sink has written them. */
    private void awaitInputRows(StreamingQuery query, long rows) throws InterruptedException, StreamingQueryException {
        while (Instant.now().isBefore(deadline) && Arrays.stream(query.recentProgress())
                .mapToLong(StreamingQueryProgress::numInputRows).sum() < rows) {
            if (query.awaitTermination(100)) {
                return;
            }
        }
        query.processAllAvailable();
    }

    private static void drop(Path staging, Path input, String name, List<String> lines) throws IOException {
        Path written = Files.writeString(staging.resolve(name), String.join("\n", lines) + "\n");
        // whole files only: the file connector must never see one half written
        Files.move(written, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<List<String>> eventFiles() {
        List<List<String>> files = new ArrayList<>();
        for (int file = 0; file < 3; file++) {
            List<String> lines = new ArrayList<>();
            for (int i = file * 10; i < (file + 1) * 10; i++) {
                long time = 1_469_501_107L + i * 397L;
                lines.add("{\"time\":" + time + ",\"action\":\"" + (i % 3 == 2 ? "Close" : "Open") + "\"}");
            }
            files.add(lines);
        }
        return List.copyOf(files);
    }
}
