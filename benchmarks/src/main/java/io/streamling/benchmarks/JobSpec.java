package io.streamling.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * What a child JVM runs: a workload, a side, and where it reads and writes. Passed on the command
 * line, so {@link #toArgs()} and {@link #parse(String[])} are inverses.
 *
 * @param workload the workload
 * @param side the implementation
 * @param bootstrapServers the broker
 * @param inputTopic the pre-loaded input
 * @param outputTopic where results go (created before the run)
 * @param appId application id / consumer group: fresh per run, so every run reads from the start
 * @param stateDir a fresh directory for RocksDB state
 */
public record JobSpec(Workload workload, Side side, String bootstrapServers, String inputTopic, String outputTopic,
                      String appId, Path stateDir) {

    /** The command-line form. */
    public List<String> toArgs() {
        return List.of(workload.name(), side.name(), bootstrapServers, inputTopic, outputTopic, appId,
                stateDir.toString());
    }

    /** Reads the command-line form. */
    public static JobSpec parse(String[] args) {
        if (args.length != 7) {
            throw new IllegalArgumentException(
                    "expected: WORKLOAD SIDE BOOTSTRAP INPUT OUTPUT APP_ID STATE_DIR, got " + List.of(args));
        }
        return new JobSpec(Workload.valueOf(args[0]), Side.valueOf(args[1]), args[2], args[3], args[4], args[5],
                Path.of(args[6]));
    }
}
