package io.streamling.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The harness's command line. {@code --quick} (the default) runs every workload once on a tiny
 * input; {@code --full} runs the table of {@code docs/benchmarks.md}. Any figure can be
 * overridden after the mode.
 *
 * @param mode "quick" or "full"
 * @param lines input lines
 * @param linesPerSecond input lines per second of event time (per one-second batch)
 * @param seed seed of the input
 * @param repetitions runs of each side of each workload
 * @param workloads the workloads to run
 * @param sides the sides to run
 * @param partitions the partition counts to run (of those each workload defines)
 * @param doc where the Markdown report goes (the chart beside it)
 * @param workDir logs, CSV, recordings, state
 * @param classpath the child JVMs' class path
 * @param childJvmOptions options of every child JVM that runs a workload
 * @param startupRepetitions launches of the start-up probe (0: none)
 * @param profile whether to record a JFR profile of one Streamling workload
 * @param profileWorkload the workload profiled (the per-batch word count unless told otherwise)
 * @param jmh whether to run the JMH microbenchmarks
 * @param command how the harness was invoked, for the report
 * @param latency whether to measure end-to-end latency at a fixed input rate ({@link LatencyProbe})
 * @param latencyRate lines per second produced live for the latency measurement
 * @param latencySeconds seconds of measured live input (after a warm-up)
 * @param connectors whether to measure the file and socket connectors against a plain producer
 */
public record HarnessOptions(String mode, int lines, int linesPerSecond, long seed, int repetitions,
                             Set<Workload> workloads, Set<Side> sides, Set<Integer> partitions, Path doc, Path workDir,
                             String classpath, List<String> childJvmOptions, int startupRepetitions, boolean profile,
                             Workload profileWorkload, boolean jmh, String command, boolean latency, int latencyRate,
                             int latencySeconds, boolean connectors) {

    /** Heap of every measured JVM: the same for every side. */
    static final List<String> DEFAULT_CHILD_JVM_OPTIONS = List.of("-Xms512m", "-Xmx1g",
            // the baselines log one WARN per dropped late record: silenced, so logging does not slow them
            "-Dlogback.configurationFile=benchmark-logback.xml");

    static final String USAGE = """
            Usage: Harness [--quick | --full] [--lines N] [--lines-per-second N] [--reps N] [--seed N]
                           [--only WORKLOAD,...] [--sides SIDE,...] [--partitions 1,2] [--doc FILE] [--work-dir DIR]
                           [--classpath CP] [--startup-reps N] [--[no-]profile] [--profile-workload W]
                           [--[no-]jmh] [--latency-rate N] [--latency-seconds N] [--spark]
              --quick   every workload once on 20,000 lines (a few minutes; report in the work dir)
              --full    3 repetitions on 300,000 lines (900,000 for copy and stateless), start-up, a JFR
                        profile and the JMH microbenchmarks; writes docs/benchmarks.md
              workloads: copy, stateless, batch_count, sliding_count, running_count, events_per_hour,
                         structured_sliding_count, latency (live input at a fixed rate), connectors
              --spark   insist on the Apache Spark side (./benchmarks/run --spark builds it first); without it
                        Spark runs only if benchmarks-spark/target holds its build, and is skipped otherwise
              sides: streamling, streamling_incremental, kafka_streams, raw_clients, spark""";

    /** Parses the command line. */
    public static HarnessOptions parse(String... args) {
        List<String> list = List.of(args);
        boolean full = list.contains("--full");
        String mode = full ? "full" : "quick";
        int lines = full ? 300_000 : 20_000;
        int linesPerSecond = full ? 5_000 : 500;
        int repetitions = full ? 3 : 1;
        long seed = 42;
        Set<Workload> workloads = EnumSet.allOf(Workload.class);
        Set<Side> sides = EnumSet.allOf(Side.class);
        Set<Integer> partitions = Set.of(1, 2);
        Path workDir = Path.of("benchmarks", "target", "harness");
        Path doc = null;
        String classpath = System.getProperty("java.class.path");
        int startupRepetitions = full ? 3 : 1;
        boolean profile = full;
        boolean jmh = full;
        Workload profileWorkload = Workload.BATCH_COUNT;
        boolean spark = false;
        boolean latency = true;
        boolean connectors = true;
        int latencyRate = 20_000;
        int latencySeconds = full ? 40 : 10;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick", "--full" -> {
                    // read above: the mode sets the defaults the other options override
                }
                case "--no-profile" -> profile = false;
                case "--profile" -> profile = true;
                case "--no-jmh" -> jmh = false;
                case "--jmh" -> jmh = true;
                case "--spark" -> spark = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Unknown option or missing value: " + arg + "\n" + USAGE);
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--lines" -> lines = positive(arg, value);
                        case "--lines-per-second" -> linesPerSecond = positive(arg, value);
                        case "--reps" -> repetitions = positive(arg, value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--only" -> {
                            List<String> only = new ArrayList<>(List.of(value.toLowerCase(Locale.ROOT).split(",")));
                            latency = only.remove("latency");
                            connectors = only.remove("connectors");
                            workloads = only.isEmpty() ? EnumSet.noneOf(Workload.class)
                                    : names(String.join(",", only), Workload.class);
                        }
                        case "--latency-rate" -> latencyRate = positive(arg, value);
                        case "--latency-seconds" -> latencySeconds = positive(arg, value);
                        case "--profile-workload" -> profileWorkload = names(value, Workload.class).iterator().next();
                        case "--sides" -> sides = names(value, Side.class);
                        case "--partitions" -> partitions = Set.copyOf(integers(value));
                        case "--doc" -> doc = Path.of(value);
                        case "--work-dir" -> workDir = Path.of(value);
                        case "--classpath" -> classpath = value;
                        case "--startup-reps" -> startupRepetitions = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("Unknown option: " + arg + "\n" + USAGE);
                    }
                }
            }
        }
        if (spark && !SparkSide.available()) {
            throw new IllegalArgumentException("--spark: the Apache Spark side is not built in " + SparkSide.TARGET
                    + "; build it with " + SparkSide.BUILD);
        }
        if (doc == null) {
            doc = full ? Path.of("docs", "benchmarks.md") : workDir.resolve("benchmarks-" + mode + ".md");
        }
        return new HarnessOptions(mode, lines, linesPerSecond, seed, repetitions, workloads, sides, partitions, doc,
                workDir, classpath, DEFAULT_CHILD_JVM_OPTIONS, startupRepetitions, profile, profileWorkload,
                jmh, "Harness " + String.join(" ", args), latency, latencyRate, latencySeconds,
                connectors);
    }

    /** The input these options describe. */
    public InputSpec input() {
        return InputSpec.of(lines, linesPerSecond, seed);
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        return number;
    }

    private static <E extends Enum<E>> Set<E> names(String value, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String name : value.split(",")) {
            set.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        return set;
    }

    private static List<Integer> integers(String value) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : value.split(",")) {
            numbers.add(Integer.parseInt(part.trim()));
        }
        return numbers;
    }
}
