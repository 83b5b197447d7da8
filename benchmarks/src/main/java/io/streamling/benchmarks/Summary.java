package io.streamling.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one side of one workload on one partition count, summarised.
 *
 * @param workload the workload
 * @param partitions input partitions
 * @param side who ran it
 * @param runs every run, failed ones included
 */
record Summary(Workload workload, int partitions, Side side, List<RunResult> runs) {

    /** Groups {@code results} by workload, partitions and side, in the order they are defined. */
    static List<Summary> of(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (Workload workload : Workload.values()) {
            for (int partitions : workload.partitions()) {
                for (Side side : SparkSide.sidesOf(workload, workload.sides())) {
                    groups.put(workload + "/" + partitions + "/" + side, new ArrayList<>());
                }
            }
        }
        for (RunResult result : results) {
            groups.get(result.workload() + "/" + result.partitions() + "/" + result.side()).add(result);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            if (!group.isEmpty()) {
                RunResult first = group.get(0);
                summaries.add(new Summary(first.workload(), first.partitions(), first.side(), List.copyOf(group)));
            }
        }
        return summaries;
    }

    List<RunResult> ok() {
        return runs.stream().filter(RunResult::ok).toList();
    }

    Stats throughput() {
        return Stats.of(ok(), RunResult::linesPerSecond);
    }

    Stats cpuSeconds() {
        return Stats.of(ok(), RunResult::cpuSeconds);
    }

    Stats peakRssMb() {
        return Stats.of(ok(), RunResult::peakRssMb);
    }

    Stats late() {
        return Stats.of(ok(), result -> (double) result.lateReported());
    }

    Stats missing() {
        return Stats.of(ok(), result -> (double) result.missing());
    }

    long exactRuns() {
        return runs.stream().filter(RunResult::exact).count();
    }

    long failedRuns() {
        return runs.stream().filter(result -> !result.ok()).count();
    }
}
