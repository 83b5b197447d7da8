package io.streamling.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The end-to-end benchmark: Streamling against the programs a user would otherwise write, on
 * the same pre-loaded input, side by side in one run.
 *
 * <ol>
 *   <li>starts a Kafka broker in its own JVM and pre-loads the deterministic input
 *       ({@link InputSpec}) into a 1- and a 2-partition topic;</li>
 *   <li>for each workload, partition count and repetition, runs every side in a fresh JVM, in an
 *       order that rotates with the repetition ({@link Runner});</li>
 *   <li>optionally measures start-up ({@link StartupProbe}) and records a JFR profile of
 *       Streamling's per-batch word count;</li>
 *   <li>writes the report ({@link ReportWriter}): Markdown, an SVG chart and a CSV of every run.</li>
 * </ol>
 *
 * <pre>
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" io.streamling.benchmarks.Harness --full
 * </pre>
 */
public final class Harness {

    private Harness() {
    }

    /**
     * Runs the harness; see {@link HarnessOptions#USAGE}.
     *
     * @param args the options
     * @throws IOException when the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.println("Report: " + options.doc().toAbsolutePath());
        boolean anyFailed = report.results().stream().anyMatch(result -> !result.ok())
                || report.latency().stream().anyMatch(result -> !result.ok())
                || report.connectors().stream().anyMatch(result -> !result.ok());
        System.exit(anyFailed ? 1 : 0);
    }

    /** Runs everything {@code options} selects and writes the report. */
    public static Report run(HarnessOptions options) throws IOException {
        Instant startedAt = Instant.now();
        String loadBefore = MachineInfo.loadAverage();
        Path workDir = options.workDir();
        Files.createDirectories(workDir.resolve("logs"));
        InputSpec input = options.input();
        List<RunResult> results = new ArrayList<>();
        List<Double> startup = List.of();
        Optional<String> profile = Optional.empty();
        List<LatencyProbe.Result> latency = List.of();
        List<ConnectorProbe.Result> connectors = List.of();
        log("Starting a broker in its own JVM");
        try (Cluster cluster = Cluster.start(options.classpath(), List.of("-Xmx1g"),
                workDir.resolve("logs").resolve("broker.log"))) {
            loadInputs(options, cluster, input);
            Runner runner = new Runner(cluster, input, options.classpath(), options.childJvmOptions(), workDir,
                    runTimeout(input));
            runWorkloads(options, runner, results);
            if (options.profile()) {
                profile = profile(options, runner);
            }
            if (options.latency()) {
                log(String.format(Locale.ROOT, "Measuring latency at %,d lines/s for %d s per side",
                        options.latencyRate(), options.latencySeconds()));
                latency = LatencyProbe.measure(cluster, options.classpath(), options.childJvmOptions(), workDir,
                        options.latencyRate(), options.latencySeconds(), options.sides());
            }
            if (options.connectors()) {
                log(String.format(Locale.ROOT, "Measuring the file and socket connectors on %,d lines", input.lines()));
                connectors = ConnectorProbe.measure(cluster, input, workDir, options.repetitions());
            }
        }
        if (options.startupRepetitions() > 0) {
            log("Measuring start-up of the embedded default");
            startup = StartupProbe.measure(options.classpath(), List.of(), workDir, options.startupRepetitions());
        }
        Optional<String> jmh = Optional.empty();
        if (options.jmh()) {
            log("Running the JMH microbenchmarks");
            jmh = Optional.of(JmhRun.run(options.classpath(), workDir));
        }
        Report report = new Report(options, input, MachineInfo.current(), startedAt, Instant.now(), loadBefore,
                MachineInfo.loadAverage(), results, startup, profile, jmh, latency,
                connectors);
        ReportWriter.write(report);
        return report;
    }

    /** Loads each input topic the selected workloads read, once. */
    private static void loadInputs(HarnessOptions options, Cluster cluster, InputSpec input) {
        java.util.Set<String> loaded = new java.util.HashSet<>();
        for (Workload workload : Workload.values()) {
            if (!options.workloads().contains(workload)) {
                continue;
            }
            for (int partitions : workload.partitions()) {
                String topic = Runner.inputTopic(workload, partitions);
                if (!options.partitions().contains(partitions) || !loaded.add(topic)) {
                    continue;
                }
                if (workload.readsEvents()) {
                    InputSpec events = workload.input(input);
                    log(String.format(Locale.ROOT, "Loading %,d events into %s", events.lines(), topic));
                    cluster.createTopic(topic, partitions);
                    EventsInput.load(cluster.bootstrapServers(), topic, partitions, events);
                } else {
                    InputSpec scaled = workload.input(input);
                    log(String.format(Locale.ROOT, "Loading %,d lines into %s", scaled.lines(), topic));
                    cluster.createTopic(topic, partitions);
                    InputLoader.load(cluster.bootstrapServers(), topic, partitions, scaled);
                }
            }
        }
    }

    private static void runWorkloads(HarnessOptions options, Runner runner, List<RunResult> results) {
        for (Workload workload : Workload.values()) {
            if (!options.workloads().contains(workload)) {
                continue;
            }
            // Spark runs only where its optional module is built (HarnessOptions' --spark insists on it)
            List<Side> sides = SparkSide.sidesOf(workload, workload.sides()).stream().filter(options.sides()::contains)
                    .filter(side -> side != Side.SPARK || SparkSide.available()).toList();
            for (int partitions : workload.partitions()) {
                if (!options.partitions().contains(partitions)) {
                    continue;
                }
                for (int rep = 1; rep <= options.repetitions(); rep++) {
                    // alternate who goes first, so drift (heat, a busy neighbour) hits every side alike
                    for (int i = 0; i < sides.size(); i++) {
                        Side side = sides.get((i + rep - 1) % sides.size());
                        RunResult result = runner.run(workload, side, partitions, rep);
                        results.add(result);
                        log(describe(result));
                    }
                }
            }
        }
    }

    /** Records a JFR profile of the profiled workload on each partition count of the run. */
    private static Optional<String> profile(HarnessOptions options, Runner runner) throws IOException {
        Workload workload = options.profileWorkload();
        if (!options.workloads().contains(workload)) {
            return Optional.empty();
        }
        StringBuilder summaries = new StringBuilder();
        for (int partitions : options.partitions().stream().sorted().toList()) {
            profile(options, runner, workload, partitions).ifPresent(summaries::append);
        }
        return summaries.isEmpty() ? Optional.empty() : Optional.of(summaries.toString());
    }

    private static Optional<String> profile(HarnessOptions options, Runner runner, Workload workload, int partitions)
            throws IOException {
        // one partition keeps the name earlier reports point to
        String suffix = partitions == 1 ? "" : "-p" + partitions;
        Path recording = options.workDir().resolve(workload.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "-streamling" + suffix + ".jfr").toAbsolutePath();
        Files.deleteIfExists(recording);
        log("Recording a JFR profile of Streamling's " + workload.title() + " on " + partitions + " partition(s)");
        RunResult result = runner.run(workload, Side.STREAMLING, partitions, 0, List.of(
                "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording,
                "-XX:FlightRecorderOptions=stackdepth=256"));
        log(describe(result));
        if (!Files.exists(recording)) {
            return Optional.empty();
        }
        String summary = String.format(Locale.ROOT, "Run profiled: %s (JFR adds a little overhead). Recording: `%s`.%n%n%s",
                describe(result), options.workDir().resolve(recording.getFileName()),
                JfrSummary.of(recording).markdown(20));
        return Optional.of(summary);
    }

    /** A run may take a while on a busy 2-core machine, but not forever: 10 lines/s is surely broken. */
    private static Duration runTimeout(InputSpec input) {
        return Duration.ofSeconds(Math.max(180, input.lines() / 1_000));
    }

    static String describe(RunResult result) {
        if (!result.ok()) {
            return String.format(Locale.ROOT, "%-14s p%d %-22s r%d FAILED: %s", result.workload(), result.partitions(),
                    result.side().label(), result.repetition(), result.error());
        }
        return String.format(Locale.ROOT,
                "%-14s p%d %-22s r%d %8.2f s %,10.0f lines/s  cpu %6.1f s  rss %5.0f MB  %s  missing %,d  late %,d",
                result.workload(), result.partitions(), result.side().label(), result.repetition(), result.seconds(),
                result.linesPerSecond(), result.cpuSeconds(), result.peakRssMb(),
                result.exact() ? "exact" : "NOT EXACT", result.missing(), result.lateReported());
    }

    private static void log(String message) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + message);
        System.out.flush();
    }
}
