package io.streamling.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one side of one workload in a fresh child JVM and measures it: from the moment the
 * program starts until the output record that completes the expected result arrives. When the
 * result never completes (records dropped as late), the run ends once the program has consumed
 * its whole input and its output has been quiet for {@link #QUIET}; its time is then that of the
 * last output record that changed the result.
 */
final class Runner {

    /** How long an incomplete output must stay unchanged, after the input was consumed, to be final. */
    static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LATE_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CONSUMED_CHECK_EVERY = Duration.ofMillis(500);
    /** Records a repartition topic may be ahead of the committed offset and still count as consumed. */
    private static final long INTERNAL_SLACK = 100;

    private final Cluster cluster;
    private final InputSpec input;
    private final Map<InputSpec, Expectations> expectations = new HashMap<>();
    private final String classpath;
    private final List<String> jvmOptions;
    private final Path workDir;
    private final Duration runTimeout;
    private int sequence;

    Runner(Cluster cluster, InputSpec input, String classpath, List<String> jvmOptions, Path workDir,
           Duration runTimeout) {
        this.cluster = cluster;
        this.input = input;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workDir = workDir;
        this.runTimeout = runTimeout;
    }

    /** The input topic of {@code partitions} partitions holding the base input {@code scale} times as long. */
    static String inputTopic(int scale, int partitions) {
        return inputTopic(scale, partitions, false);
    }

    /** The input topic of a workload: the events, or the lines. */
    static String inputTopic(Workload workload, int partitions) {
        return inputTopic(workload.inputScale(), partitions, workload.readsEvents());
    }

    private static String inputTopic(int scale, int partitions, boolean events) {
        if (events) {
            return "events-p" + partitions;
        }
        return (scale == 1 ? "lines" : "lines-x" + scale) + "-p" + partitions;
    }

    /** Runs and measures one side; never throws for a failing run, reports it instead. */
    RunResult run(Workload workload, Side side, int partitions, int repetition) {
        return run(workload, side, partitions, repetition, List.of());
    }

    /** As {@link #run(Workload, Side, int, int)}, with more options for the child JVM (e.g. a profiler). */
    RunResult run(Workload workload, Side side, int partitions, int repetition, List<String> extraJvmOptions) {
        String runId = String.format(Locale.ROOT, "%02d-%s-%s-p%d-r%d", ++sequence,
                workload.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                side.name().toLowerCase(Locale.ROOT).replace('_', '-'), partitions, repetition);
        String appId = "bench-" + runId;
        String output = "out-" + runId;
        Path stateDir = workDir.resolve("state").resolve(runId);
        JobSpec spec = new JobSpec(workload, side, cluster.bootstrapServers(),
                inputTopic(workload, partitions), output, appId, stateDir);
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(extraJvmOptions);
        try {
            cluster.createTopic(output, partitions);
            return measure(spec, partitions, repetition, options, workDir.resolve("logs").resolve(runId + ".log"));
        } catch (RuntimeException e) {
            return RunResult.failed(workload, side, partitions, repetition, e.getMessage());
        } finally {
            cleanUp(appId, output, stateDir);
        }
    }

    private RunResult measure(JobSpec spec, int partitions, int repetition, List<String> options, Path log) {
        InputSpec scaled = spec.workload().input(input);
        OutputCheck check = expectations.computeIfAbsent(scaled, Expectations::new).check(spec.workload(), spec.side());
        Map<TopicPartition, Long> inputEnds = cluster.endOffsets(spec.inputTopic(), partitions);
        double brokerCpuBefore = seconds(cluster.brokerCpu().orElse(Duration.ZERO));
        try (OutputTail tail = new OutputTail(cluster.bootstrapServers(), spec.outputTopic(), partitions);
             ChildJvm child = spec.side() == Side.SPARK
                     ? ChildJvm.start(spec.appId(), SparkSide.jvmOptions(options), SparkSide.classpath(),
                             SparkSide.MAIN_CLASS, spec.toArgs(), log)
                     : ChildJvm.start(spec.appId(), options, classpath, WorkloadMain.class.getName(),
                             spec.toArgs(), log)) {
            long started = Long.parseLong(child.awaitValue("STARTED ", START_TIMEOUT));
            // the consumer group of the program (a structured query's carries its query id)
            String group = child.awaitValue("GROUP ", START_TIMEOUT);
            long lastChange = started;
            long deadline = System.currentTimeMillis() + runTimeout.toMillis();
            long nextConsumedCheck = 0;
            long caughtUpAt = 0;
            while (!check.complete()) {
                long now = System.currentTimeMillis();
                if (now > deadline) {
                    throw new IllegalStateException("no complete result within " + runTimeout + " (see " + log + ")");
                }
                if (!child.isAlive()) {
                    throw new IllegalStateException("the program exited early (see " + log + ")");
                }
                for (ConsumerRecord<String, String> record : tail.poll(POLL)) {
                    if (check.accept(record.timestamp(), record.key(), record.value())) {
                        lastChange = System.currentTimeMillis();
                    }
                }
                if (now >= nextConsumedCheck) {
                    nextConsumedCheck = now + CONSUMED_CHECK_EVERY.toMillis();
                    boolean caughtUp = cluster.caughtUp(group, inputEnds, INTERNAL_SLACK);
                    caughtUpAt = !caughtUp ? 0 : caughtUpAt == 0 ? now : caughtUpAt;
                }
                if (caughtUpAt > 0 && now - Math.max(lastChange, caughtUpAt) > QUIET.toMillis()) {
                    break;
                }
            }
            // measured while the program still runs: /proc forgets a process once it exits
            double cpu = seconds(child.cpu().orElse(Duration.ZERO));
            double rss = child.peakRssMb().orElse(Double.NaN);
            double brokerCpu = seconds(cluster.brokerCpu().orElse(Duration.ZERO)) - brokerCpuBefore;
            child.closeInput();
            long late = Long.parseLong(child.awaitValue("LATE ", LATE_TIMEOUT));
            // no output at all: there is no time to report
            double elapsed = lastChange == started ? Double.NaN : (lastChange - started) / 1000.0;
            return new RunResult(spec.workload(), spec.side(), partitions, repetition, scaled.lines(), null, elapsed,
                    scaled.lines() / elapsed, check.complete(), cpu, rss, brokerCpu, check.checksum(),
                    check.expectedChecksum(), check.missing(), late);
        }
    }

    private void cleanUp(String appId, String output, Path stateDir) {
        try {
            // keeps the broker's memory and disk use the same for every run
            cluster.deleteTopics(output, appId + "-");
        } catch (RuntimeException e) {
            System.err.println("could not delete the topics of " + appId + ": " + e.getMessage());
        }
        deleteRecursively(stateDir);
        // a Streamling program stopped by the bounded stop may leave its temporary directory behind
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> leftovers = Files.list(tmp)) {
            leftovers.filter(path -> path.getFileName().toString().startsWith("streamling-" + appId + "-"))
                    .forEach(Runner::deleteRecursively);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not clean " + tmp + " of " + appId + ": " + e.getMessage());
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
