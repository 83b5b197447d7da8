package io.streamling.connect.file;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;

import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;

/**
 * End-to-end throughput, lines per second from one file into the embedded broker (a 1-partition
 * topic), for three ways of doing it, measured in one run on the same file and broker: this
 * connector, Kafka's {@code FileStreamSourceConnector} (both in the same in-process standalone
 * worker), and a plain {@code KafkaProducer} reading the file line by line. Each is timed from
 * the moment it is started until the topic's end offset reaches the file's line count; after one
 * warm-up run each, three rounds in rotating order, medians reported. Run twice over: with each side's
 * own default producer settings (the client's for the plain producer; the embedded worker's,
 * {@code EmbeddedConnectWorker.SOURCE_PRODUCER_SETTINGS}, for the connectors), and with the same
 * tuned settings for all three.
 *
 * <p>Not a test: run it after building, see {@code docs/benchmarks/connector-file.md}. System
 * properties: {@code bench.rounds} (default 3), {@code bench.only} (run only the settings whose
 * title starts with this), {@code bench.contenders} (run only the contenders whose name starts with
 * this, e.g. {@code Streamling} for a profile of the connector alone), {@code bench.threads}
 * ({@code true}: print each run's CPU per line by thread), {@code bench.producer} (a third setting,
 * the same for all: {@code key=value} producer settings separated by commas).
 *
 * <pre>
 * java -cp "$(cat target/bench.classpath):target/classes:target/test-classes" \
 *     io.streamling.connect.file.FileSourceBenchmark [lines]
 * </pre>
 */
public final class FileSourceBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final boolean THREADS = Boolean.getBoolean("bench.threads");
    /** The name of each thread seen, kept after it ends (a producer's network thread ends with it). */
    private static final Map<Long, String> THREAD_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};

    private final EmbeddedKafkaBroker broker;
    private final Path file;
    private final int lines;
    private final Admin admin;
    private int runs;
    private Map<Long, Long> threadsAtEnd;
    private long cpuAtEnd;

    private FileSourceBenchmark(EmbeddedKafkaBroker broker, Path file, int lines) {
        this.broker = broker;
        this.file = file;
        this.lines = lines;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /**
     * Runs the benchmark and prints a Markdown table per producer setting.
     *
     * @param args optional: the number of lines (default 1,000,000)
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("file-source-benchmark");
        Path file = writeFile(dir.resolve("in").resolve("lines.txt"), lines);
        System.out.printf(Locale.ROOT, "file: %,d lines, %,d bytes; %d cores, JDK %s%n", lines, Files.size(file),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put("each side's own default producer settings", Map.of());
        // the plain producer's idempotence and 5 requests in flight, which Connect turns off by default
        settings.put("tuned, the same for all: batch.size=262144, linger.ms=10, enable.idempotence=true,"
                + " max.in.flight.requests.per.connection=5", Map.of(ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.LINGER_MS_CONFIG, "10", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"));
        String custom = System.getProperty("bench.producer", "");
        if (!custom.isEmpty()) { // e.g. -Dbench.producer=linger.ms=10,batch.size=262144
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String pair : custom.split(",")) {
                String[] keyValue = pair.split("=", 2);
                parsed.put(keyValue[0].trim(), keyValue[1].trim());
            }
            settings.put("custom, the same for all: " + custom, parsed);
        }
        String only = System.getProperty("bench.only", "");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            FileSourceBenchmark benchmark = new FileSourceBenchmark(broker, file, lines);
            for (Map.Entry<String, Map<String, String>> setting : settings.entrySet()) {
                if (setting.getKey().startsWith(only)) {
                    benchmark.run(setting.getKey(), setting.getValue());
                }
            }
            benchmark.admin.close();
        }
        taskAlone(file.getParent(), lines);
    }

    /**
     * The connector's own cost: the task's {@code poll()} reading the file, with no Connect worker
     * and no Kafka, so what the framework and the producer add can be told apart.
     */
    private static void taskAlone(Path dir, int lines) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            FileSourceTask task = new FileSourceTask();
            task.initialize(new FakeSourceTaskContext(Map.of()));
            task.start(Map.of(FileSourceConfig.TOPIC_CONFIG, "none", FileSourceConfig.FILE_PATH_CONFIG, dir.toString(),
                    FileSourceConfig.FILE_EXISTING_CONFIG, "process"));
            long started = System.nanoTime();
            long read = 0;
            while (read < lines) {
                List<SourceRecord> records = task.poll();
                read += records == null ? 0 : records.size();
            }
            double rate = lines / ((System.nanoTime() - started) / 1e9);
            task.stop();
            if (round > 0) { // round 0 warms up
                rates.add(rate);
            }
        }
        System.out.printf(Locale.ROOT, "### the task alone: FileSourceTask.poll(), no Connect, no Kafka%n%n"
                + "median %,.0f lines/s, runs %s%n", median(rates),
                rates.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }

    private void run(String title, Map<String, String> producerSettings) throws Exception {
        Map<String, String> workerOverrides = new HashMap<>();
        producerSettings.forEach((key, value) -> workerOverrides.put("producer." + key, value));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> busiest = new LinkedHashMap<>();
        try (EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(broker.bootstrapServers(), workerOverrides)) {
            List<Contender> contenders = List.of(
                    new Contender("plain KafkaProducer", topic -> producer(topic, producerSettings)),
                    new Contender("Streamling FileSourceConnector", topic -> connector(worker, topic, Map.of(
                            "connector.class", FileSourceConnector.class.getName(),
                            FileSourceConfig.FILE_PATH_CONFIG, file.getParent().toString(),
                            FileSourceConfig.FILE_EXISTING_CONFIG, "process"))),
                    new Contender("Kafka FileStreamSourceConnector", topic -> connector(worker, topic, Map.of(
                            "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                            "file", file.toString()))),
                    new Contender("direct: FileSourceTask + KafkaProducer, no Connect",
                            topic -> direct(topic, producerSettings)));
            String only = System.getProperty("bench.contenders", "");
            if (!only.isEmpty()) { // e.g. for a profile of one contender alone
                contenders = contenders.stream().filter(c -> c.name().startsWith(only)).toList();
            }
            for (Contender contender : contenders) {
                System.out.printf(Locale.ROOT, "  %s, warm-up (not counted): %,.0f lines/s%n", contender.name(),
                        measure(contender)); // the JIT compiles each path before it is measured
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < contenders.size(); i++) {
                    Contender contender = contenders.get((i + round) % contenders.size()); // rotate the order
                    long cpuBefore = processCpuNanos();
                    Map<Long, Long> threadsBefore = threadCpuNanos();
                    double rate = measure(contender);
                    double cpuPerLine = (processCpuNanos() - cpuBefore) / 1e3 / lines;
                    double busiestPerLine = busiestThreadNanos(threadsBefore, threadCpuNanos()) / 1e3 / lines;
                    rates.computeIfAbsent(contender.name(), k -> new ArrayList<>()).add(rate);
                    cpu.computeIfAbsent(contender.name(), k -> new ArrayList<>()).add(cpuPerLine);
                    busiest.computeIfAbsent(contender.name(), k -> new ArrayList<>()).add(busiestPerLine);
                    System.out.printf(Locale.ROOT, "  %s, round %d: %,.0f lines/s, %.2f CPU µs/line, busiest thread"
                            + " %.2f µs/line%n", contender.name(), round + 1, rate, cpuPerLine, busiestPerLine);
                    if (THREADS) {
                        printThreads(threadsBefore, threadsAtEnd, cpuAtEnd - cpuBefore);
                    }
                }
            }
        }
        double plain = median(rates.getOrDefault("plain KafkaProducer", List.of(Double.NaN)));
        double plainBusiest = median(busiest.getOrDefault("plain KafkaProducer", List.of(Double.NaN)));
        System.out.printf(Locale.ROOT, "%n### %s%n%n| | median lines/s | runs (lines/s) | vs plain producer"
                + " | JVM CPU µs/line | busiest thread µs/line | plain producer's busiest / this |%n"
                + "|---|---:|---|---:|---:|---:|---:|%n", title);
        rates.forEach((name, values) -> System.out.printf(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %.2f | %.2f | %.2f |%n",
                name, median(values), values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList(),
                median(values) / plain, median(cpu.get(name)), median(busiest.get(name)),
                plainBusiest / median(busiest.get(name))));
        System.out.println();
    }

    private double measure(Contender contender) throws Exception {
        String topic = "bench-" + (++runs);
        broker.createTopic(topic, 1);
        long started = System.nanoTime();
        AutoCloseable running = contender.start().apply(topic);
        while (endOffset(topic) < lines) {
            TimeUnit.MILLISECONDS.sleep(10); // benchmark pacing, not test synchronization
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (THREADS) {
            threadsAtEnd = threadCpuNanos(); // before closing: the producer's network thread ends with it
            cpuAtEnd = processCpuNanos();
        }
        running.close();
        if (endOffset(topic) != lines) {
            throw new IllegalStateException(contender.name() + " wrote " + endOffset(topic) + " records, not " + lines);
        }
        admin.deleteTopics(List.of(topic)).all().get(); // keeps the broker's disk use down
        return lines / seconds;
    }

    private AutoCloseable producer(String topic, Map<String, String> settings) throws IOException {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                producer.send(new ProducerRecord<>(topic, line));
            }
        }
        producer.flush();
        return producer;
    }

    /**
     * What a file source without Connect would cost: this connector's task (same reader, same
     * records and offsets) polled in a loop, each record's value sent by a plain producer with the
     * same serializer as the plain producer's; the last record of each poll gets a callback that
     * keeps its source offset, as a path that stores offsets itself would need.
     */
    private AutoCloseable direct(String topic, Map<String, String> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer());
        FileSourceTask task = new FileSourceTask();
        task.initialize(new FakeSourceTaskContext(Map.of()));
        task.start(Map.of(FileSourceConfig.TOPIC_CONFIG, topic, FileSourceConfig.FILE_PATH_CONFIG,
                file.getParent().toString(), FileSourceConfig.FILE_EXISTING_CONFIG, "process"));
        java.util.concurrent.atomic.AtomicReference<Map<String, ?>> acknowledged =
                new java.util.concurrent.atomic.AtomicReference<>();
        long sent = 0;
        while (sent < lines) {
            List<SourceRecord> records;
            try {
                records = task.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (records == null) {
                continue;
            }
            for (int i = 0; i < records.size(); i++) {
                SourceRecord record = records.get(i);
                ProducerRecord<String, String> out = new ProducerRecord<>(record.topic(), null, record.timestamp(),
                        null, (String) record.value());
                if (i == records.size() - 1) {
                    producer.send(out, (metadata, error) -> acknowledged.set(record.sourceOffset()));
                } else {
                    producer.send(out);
                }
            }
            sent += records.size();
        }
        producer.flush();
        return () -> {
            task.stop();
            producer.close();
        };
    }

    private AutoCloseable connector(EmbeddedConnectWorker worker, String topic, Map<String, String> config) {
        // a new connector name each time: offsets are per connector, so each run reads the file from the start
        String name = "connector-" + topic;
        Map<String, String> full = new HashMap<>(config);
        full.put("tasks.max", "1");
        full.put("topic", topic);
        worker.startConnector(name, full);
        return () -> worker.stopConnector(name);
    }

    /**
     * CPU time of the whole JVM (broker, worker, producer, benchmark) so far: on a machine shared
     * with other work, CPU per line is steadier than lines per second.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of each live thread, by id. */
    private static Map<Long, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> result = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                result.put(id, nanos);
                if (THREADS) {
                    java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
                    if (info != null) {
                        THREAD_NAMES.put(id, info.getThreadName());
                    }
                }
            }
        }
        return result;
    }

    /**
     * The most CPU one thread used between two snapshots: the thread that produces the records
     * (the plain producer's caller, or the Connect task thread), whose cost per line bounds the
     * rate when it is the bottleneck, and which other work on a shared machine disturbs less than
     * the rate. Connect runs tasks on pooled threads that outlive a run; a thread that ended
     * between the snapshots is not counted.
     */
    private static long busiestThreadNanos(Map<Long, Long> before, Map<Long, Long> after) {
        long most = 0;
        for (Map.Entry<Long, Long> entry : after.entrySet()) {
            most = Math.max(most, entry.getValue() - before.getOrDefault(entry.getKey(), 0L));
        }
        return most;
    }

    /**
     * Prints the CPU per line of each group of threads (names with their numbers replaced by
     * {@code N}) that used at least 0.01 µs per line: where the JVM's CPU went in one run.
     */
    private void printThreads(Map<Long, Long> before, Map<Long, Long> after, long processNanos) {
        Map<String, Long> byGroup = new HashMap<>();
        for (Map.Entry<Long, Long> entry : after.entrySet()) {
            String name = THREAD_NAMES.getOrDefault(entry.getKey(), "?").replaceAll("[0-9]+", "N")
                    .replaceAll("\\| .*", "| <client>");
            byGroup.merge(name, entry.getValue() - before.getOrDefault(entry.getKey(), 0L), Long::sum);
        }
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(entry -> entry.getValue() / 1e3 / lines >= 0.01)
                .forEach(entry -> System.out.printf(Locale.ROOT, "      %6.2f µs/line  %s%n",
                        entry.getValue() / 1e3 / lines, entry.getKey()));
        long named = byGroup.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "      %6.2f µs/line  (not a Java thread: GC, JIT; or ended)%n",
                (processNanos - named) / 1e3 / lines);
    }

    private long endOffset(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
    }

    private static Path writeFile(Path file, int lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                // ~50-byte lines of words, like the examples' input
                out.write(String.format(Locale.ROOT, "%08d %s %s %s %s %s", i, WORDS[i % 8], WORDS[(i / 8) % 8],
                        WORDS[(i / 64) % 8], WORDS[(i / 512) % 8], WORDS[(i * 7) % 8]));
                out.newLine();
            }
        }
        return file;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** One way of moving the file into a topic. */
    private record Contender(String name, Starter start) {
    }

    /** Starts moving the file into a topic; closing stops it. */
    @FunctionalInterface
    private interface Starter {
        AutoCloseable apply(String topic) throws Exception;
    }
}
