package io.streamling.connect.socket.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.streamling.connect.socket.SocketSourceConfig;
import io.streamling.connect.socket.SocketSourceConnector;
import io.streamling.connect.socket.tools.LineServer;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * Lines per second through the socket connector (client mode, a generating LineServer, a Connect worker,
 * an embedded broker) against a plain KafkaProducer sending the same lines to the same broker, in the
 * same run. Not a test: run it by hand (see docs/benchmarks/connector-socket.md); figures are reported,
 * never asserted.
 *
 * <p>Fairness: both sides use the producer settings Connect gives its workers' producers (acks=all, one
 * request in flight, no idempotence, byte-array serializer) plus the same tuning overrides; both are
 * timed by watching the broker's end offset: from the first line visible to the last (steady state, the
 * headline), and from the start to the last (end to end, which includes the connector's start-up). Runs alternate baseline / connector so that load from other
 * processes hits both alike; each figure is the median of the runs, and the ratio is also given as
 * the median of the per-run (paired) ratios.
 *
 * <p>Besides wall-clock lines/s, each run reports lines per CPU-second of this JVM (broker, worker,
 * line server and producer all run in it). On a shared machine that figure barely moves with other
 * processes' load, while wall-clock rates do.
 *
 * <p>System properties: {@code lines} (default 2,000,000), {@code lineBytes} (100, newline included),
 * {@code runs} (3), {@code profile} ({@code default} or {@code tuned}; both when unset).
 */
public final class SocketSourceBenchmark {

    private static final long LINES = Long.getLong("lines", 2_000_000);
    private static final int LINE_BYTES = Integer.getInteger("lineBytes", 100);
    private static final int RUNS = Integer.getInteger("runs", 3);

    /** What Connect's Worker.baseProducerConfigs sets for every source task's producer. */
    private static final Map<String, Object> CONNECT_PRODUCER = Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Integer.MAX_VALUE),
        ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Long.MAX_VALUE));

    private SocketSourceBenchmark() {
    }

    /** One producer tuning, applied to the plain producer and (as producer.*) to the worker. */
    private record Profile(String name, Map<String, String> producer) {
    }

    /**
     * One measured run. {@code linesPerSecond}: steady state, from the first line visible in Kafka to the
     * last (so the connector's start-up is not counted); {@code endToEndPerSecond}: from the start (first
     * send / connector start) to the last line visible; {@code linesPerCpuSecond}: over the whole run, per
     * CPU-second of this JVM.
     */
    private record Result(double linesPerSecond, double endToEndPerSecond, double linesPerCpuSecond) {
        static Result of(long lines, long startNanos, Visible visible, long cpuNanos) {
            return new Result((lines - 1) * 1e9 / Math.max(1, visible.allNanos() - visible.firstNanos()),
                lines * 1e9 / (visible.allNanos() - startNanos), lines * 1e9 / Math.max(1, cpuNanos));
        }
    }

    /** When the first and the last line became visible in the topic (System.nanoTime). */
    private record Visible(long firstNanos, long allNanos) {
    }

    /**
     * @param args ignored
     * @throws Exception if the broker or worker fails
     */
    public static void main(String[] args) throws Exception {
        List<Profile> profiles = new ArrayList<>(List.of(
            new Profile("default: Connect's producer defaults (linger.ms=0, batch.size=16384)", Map.of()),
            new Profile("tuned: linger.ms=5, batch.size=262144", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.BATCH_SIZE_CONFIG, "262144"))));
        profiles.removeIf(p -> !p.name().startsWith(System.getProperty("profile", p.name())));
        System.out.printf(Locale.ROOT, "%d lines of %d bytes, %d runs each, %d CPUs, load average %.2f at start%n",
            LINES, LINE_BYTES, RUNS, Runtime.getRuntime().availableProcessors(), loadAverage());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (Profile profile : profiles) {
                measure(broker, admin, profile);
            }
        }
    }

    private static void measure(EmbeddedKafkaBroker broker, Admin admin, Profile profile) throws Exception {
        List<Result> plain = new ArrayList<>();
        List<Result> connector = new ArrayList<>();
        Map<String, String> worker = new HashMap<>();
        profile.producer().forEach((k, v) -> worker.put("producer." + k, v));
        try (EmbeddedConnectWorker connect = EmbeddedConnectWorker.start(broker.bootstrapServers(), worker)) {
            warmUp(broker, admin, profile, connect);
            for (int run = 1; run <= RUNS; run++) {
                String suffix = profile.producer().isEmpty() ? "d" + run : "t" + run;
                plain.add(plainProducer(broker, admin, profile, "plain-" + suffix, LINES));
                connector.add(throughConnector(broker, admin, connect, "connector-" + suffix, LINES));
                Result p = plain.get(run - 1);
                Result c = connector.get(run - 1);
                System.out.printf(Locale.ROOT, "  run %d: plain %,.0f lines/s (end to end %,.0f, %,.0f per CPU-s), "
                        + "connector %,.0f lines/s (end to end %,.0f, %,.0f per CPU-s), ratio %.2f (end to end %.2f, "
                        + "per CPU-s %.2f), load %.2f%n", run, p.linesPerSecond(), p.endToEndPerSecond(),
                    p.linesPerCpuSecond(), c.linesPerSecond(), c.endToEndPerSecond(), c.linesPerCpuSecond(),
                    c.linesPerSecond() / p.linesPerSecond(), c.endToEndPerSecond() / p.endToEndPerSecond(),
                    c.linesPerCpuSecond() / p.linesPerCpuSecond(), loadAverage());
            }
        }
        double p = median(plain.stream().map(Result::linesPerSecond).toList());
        double c = median(connector.stream().map(Result::linesPerSecond).toList());
        double pCpu = median(plain.stream().map(Result::linesPerCpuSecond).toList());
        double cCpu = median(connector.stream().map(Result::linesPerCpuSecond).toList());
        double pEnd = median(plain.stream().map(Result::endToEndPerSecond).toList());
        double cEnd = median(connector.stream().map(Result::endToEndPerSecond).toList());
        List<Double> pairs = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            pairs.add(connector.get(i).linesPerSecond() / plain.get(i).linesPerSecond());
        }
        System.out.printf(Locale.ROOT, "%s:%n  medians: plain producer %,.0f lines/s, connector %,.0f lines/s, ratio %.2f "
                + "(median of paired ratios %.2f)%n  end to end: plain %,.0f, connector %,.0f, ratio %.2f%n"
                + "  per CPU-second: plain %,.0f, connector %,.0f, ratio %.2f%n",
            profile.name(), p, c, c / p, median(pairs), pEnd, cEnd, cEnd / pEnd, pCpu, cCpu, cCpu / pCpu);
    }

    /** A full-size run of each, so that class loading and JIT do not land in the first measured run. */
    private static void warmUp(EmbeddedKafkaBroker broker, Admin admin, Profile profile, EmbeddedConnectWorker connect)
        throws Exception {
        String suffix = profile.producer().isEmpty() ? "d" : "t";
        plainProducer(broker, admin, profile, "warm-plain-" + suffix, LINES);
        throughConnector(broker, admin, connect, "warm-connector-" + suffix, LINES);
    }

    private static Result plainProducer(EmbeddedKafkaBroker broker, Admin admin, Profile profile, String topic,
                                        long lines) throws Exception {
        broker.createTopic(topic, 1);
        Map<String, Object> config = new HashMap<>(CONNECT_PRODUCER);
        config.putAll(profile.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                 new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            long cpu = cpuNanos();
            long start = System.nanoTime();
            // polled from another thread while this one sends: the same watcher as for the connector
            CompletableFuture<Visible> visible = CompletableFuture.supplyAsync(
                () -> awaitEndOffset(admin, topic, lines));
            for (long i = 1; i <= lines; i++) {
                // the same bytes the connector sends: the generated line, UTF-8, as StringConverter writes it
                byte[] value = LineServer.generatedLine(i, LINE_BYTES - 1).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            Result result = Result.of(lines, start, visible.get(), cpuNanos() - cpu);
            if (failure.get() != null) {
                throw failure.get();
            }
            return result;
        }
    }

    private static Result throughConnector(EmbeddedKafkaBroker broker, Admin admin, EmbeddedConnectWorker connect,
                                           String topic, long lines) throws Exception {
        broker.createTopic(topic, 1);
        try (LineServer server = LineServer.builder().generated(lines, LINE_BYTES - 1).start()) {
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", SocketSourceConnector.class.getName());
            config.put("tasks.max", "1");
            config.put("value.converter", StringConverter.class.getName());
            config.put(SocketSourceConfig.TOPIC, topic);
            config.put(SocketSourceConfig.SOCKET_HOST, "127.0.0.1");
            config.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(server.port()));
            long cpu = cpuNanos();
            long start = System.nanoTime();
            connect.startConnector(topic, config);
            Result result = Result.of(lines, start, awaitEndOffset(admin, topic, lines), cpuNanos() - cpu);
            connect.stopConnector(topic);
            return result;
        }
    }

    /** Polls the topic's end offset every few ms until it holds every line; notes when the first one showed. */
    private static Visible awaitEndOffset(Admin admin, String topic, long lines) {
        TopicPartition partition = new TopicPartition(topic, 0);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long first = -1;
        try {
            while (true) {
                long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset();
                long now = System.nanoTime();
                if (first < 0 && end > 0) {
                    first = now;
                }
                if (end >= lines) {
                    return new Visible(first, now);
                }
                if (now > deadline) {
                    throw new IllegalStateException(topic + " has " + end + " of " + lines + " lines after 5 minutes");
                }
                TimeUnit.MILLISECONDS.sleep(2); // polling the broker, not synchronising threads
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the end offset of " + topic, e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** CPU time of this whole JVM (every thread: broker, worker, line server, producer). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
