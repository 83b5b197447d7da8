package io.streamling.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency at a fixed input rate: the harness produces lines live (a rate limiter, each
 * record stamped with the wall clock at its send) into a fresh 1-partition topic while one side
 * runs in its own JVM, and follows the output.
 * <ul>
 *   <li>stateless: latency of an output record = the time the harness consumed it − its timestamp
 *       (both sides keep the input record's timestamp), so produce → consume;</li>
 *   <li>per-batch word count: delay of an output record = the time the harness consumed it − the
 *       wall-clock end of its 1-second batch (record timestamp = batch start, + 1 s).</li>
 * </ul>
 * Records of the first {@link #WARM_UP_MS} (start-up, assignment) and of the last two seconds (the
 * batches still open when the input stops) are not counted.
 */
final class LatencyProbe {

    /** The workloads measured, and who. */
    static final List<Workload> WORKLOADS = List.of(Workload.STATELESS, Workload.BATCH_COUNT);
    static final List<Side> SIDES = List.of(Side.STREAMLING, Side.KAFKA_STREAMS);
    private static final long WARM_UP_MS = 5_000;
    private static final long DRAIN_MS = 5_000;

    /** Latencies of one side of one workload, in milliseconds. */
    record Result(Workload workload, Side side, int rate, double achievedRate, long records, double p50, double p99,
                  double max, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private LatencyProbe() {
    }

    static List<Result> measure(Cluster cluster, String classpath, List<String> jvmOptions, Path workDir, int rate,
                                int seconds, java.util.Set<Side> sides) {
        List<Result> results = new ArrayList<>();
        for (Workload workload : WORKLOADS) {
            for (Side side : SIDES.stream().filter(sides::contains).toList()) {
                Result result = measureOne(cluster, classpath, jvmOptions, workDir, workload, side, rate, seconds);
                results.add(result);
                System.out.println(describe(result));
            }
        }
        return results;
    }

    static String describe(Result result) {
        if (!result.ok()) {
            return String.format(Locale.ROOT, "latency %-14s %-14s FAILED: %s", result.workload(), result.side().label(),
                    result.error());
        }
        return String.format(Locale.ROOT, "latency %-14s %-14s %,8.0f lines/s in  %,9d records  p50 %,7.0f ms  p99 %,7.0f ms"
                        + "  max %,7.0f ms", result.workload(), result.side().label(), result.achievedRate(),
                result.records(), result.p50(), result.p99(), result.max());
    }

    private static Result measureOne(Cluster cluster, String classpath, List<String> jvmOptions, Path workDir,
                                     Workload workload, Side side, int rate, int seconds) {
        String runId = ("latency-" + workload.name() + "-" + side.name()).toLowerCase(Locale.ROOT).replace('_', '-');
        String input = "in-" + runId;
        String output = "out-" + runId;
        String appId = "bench-" + runId;
        Path stateDir = workDir.resolve("state").resolve(runId);
        try {
            cluster.createTopic(input, 1);
            cluster.createTopic(output, 1);
            JobSpec spec = new JobSpec(workload, side, cluster.bootstrapServers(), input, output, appId, stateDir);
            try (OutputTail tail = new OutputTail(cluster.bootstrapServers(), output, 1);
                 ChildJvm child = ChildJvm.start(appId, jvmOptions, classpath, WorkloadMain.class.getName(),
                         spec.toArgs(), workDir.resolve("logs").resolve(runId + ".log"))) {
                child.awaitValue("STARTED ", java.time.Duration.ofMinutes(3));
                child.awaitValue("GROUP ", java.time.Duration.ofMinutes(3));
                long start = System.currentTimeMillis();
                long countFrom = start + WARM_UP_MS;
                long produceEnd = countFrom + seconds * 1000L;
                AtomicLong sent = new AtomicLong();
                AtomicReference<Exception> failure = new AtomicReference<>();
                Thread producer = new Thread(() -> produce(cluster.bootstrapServers(), input, rate, start, produceEnd,
                        sent, failure), "latency-producer");
                producer.start();
                long batchShift = workload == Workload.BATCH_COUNT ? Workload.BATCH_MS : 0;
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.currentTimeMillis() < produceEnd + DRAIN_MS) {
                    if (!child.isAlive()) {
                        throw new IllegalStateException("the program exited early");
                    }
                    for (ConsumerRecord<String, String> record : tail.poll(java.time.Duration.ofMillis(50))) {
                        long now = System.currentTimeMillis();
                        long due = record.timestamp() + batchShift;
                        if (due >= countFrom && record.timestamp() < produceEnd - 2_000) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = now - due;
                        }
                    }
                }
                producer.join();
                if (failure.get() != null) {
                    throw new IllegalStateException("producing failed: " + failure.get(), failure.get());
                }
                child.closeInput();
                if (count == 0) {
                    throw new IllegalStateException("no output within the measured period");
                }
                long[] sorted = Arrays.copyOf(latencies, count);
                Arrays.sort(sorted);
                double achieved = sent.get() * 1000.0 / (produceEnd - start);
                return new Result(workload, side, rate, achieved, count, percentile(sorted, 50), percentile(sorted, 99),
                        sorted[count - 1], null);
            }
        } catch (RuntimeException | InterruptedException e) {
            return new Result(workload, side, rate, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, e.toString());
        } finally {
            try {
                cluster.deleteTopics(input, appId + "-");
                cluster.deleteTopics(output, appId + "-");
            } catch (RuntimeException e) {
                System.err.println("could not delete the topics of " + appId + ": " + e.getMessage());
            }
            Runner.deleteRecursively(stateDir);
        }
    }

    /** Sends {@code rate} lines a second, each stamped with the wall clock, from {@code start} to {@code end}. */
    private static void produce(String bootstrapServers, String topic, int rate, long start, long end, AtomicLong sent,
                                AtomicReference<Exception> failure) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 1);
        Iterator<InputSpec.Line> lines = InputSpec.of(Integer.MAX_VALUE, 1_000, 7).iterator();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (long now = System.currentTimeMillis(); now < end; now = System.currentTimeMillis()) {
                long due = (now - start) * rate / 1000;
                while (sent.get() < due) {
                    producer.send(new ProducerRecord<>(topic, 0, System.currentTimeMillis(), null, lines.next().text()),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    sent.incrementAndGet();
                }
                // the rate limiter's tick: a millisecond's worth of lines at a time
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
