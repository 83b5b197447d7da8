package io.streamling.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one harness run measured.
 *
 * @param options how it was run
 * @param input the input
 * @param machine where it ran
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param loadBefore load averages at the start
 * @param loadAfter load averages at the end
 * @param results every workload run
 * @param startupSeconds seconds to first output of each start-up launch
 * @param profile the Markdown summary of the JFR profile, if one was recorded
 * @param jmh the Markdown table of the JMH microbenchmarks, if they ran
 * @param latency the latency measurements at a fixed input rate (empty when not measured)
 * @param connectors the connector measurements (empty when not measured)
 */
public record Report(HarnessOptions options, InputSpec input, MachineInfo machine, Instant startedAt,
                     Instant finishedAt, String loadBefore, String loadAfter, List<RunResult> results,
                     List<Double> startupSeconds, Optional<String> profile,
                     Optional<String> jmh, List<LatencyProbe.Result> latency,
                     List<ConnectorProbe.Result> connectors) {

    /** A report without latency measurements. */
    public Report(HarnessOptions options, InputSpec input, MachineInfo machine, Instant startedAt, Instant finishedAt,
                  String loadBefore, String loadAfter, List<RunResult> results, List<Double> startupSeconds,
                  Optional<String> profile, Optional<String> jmh) {
        this(options, input, machine, startedAt, finishedAt, loadBefore, loadAfter, results, startupSeconds, profile,
                jmh, List.of(), List.of());
    }
}
