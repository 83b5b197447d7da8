package io.streamling.benchmarks.spark;

import java.nio.file.Path;
import java.util.List;

/**
 * The harness's 7-argument job form ({@code io.streamling.benchmarks.JobSpec}), parsed again here:
 * this module cannot depend on the benchmarks module, whose kafka-clients differs from Spark's.
 *
 * @param workload the harness's workload name (e.g. {@code BATCH_COUNT})
 * @param side the harness's side name ({@code SPARK})
 * @param bootstrapServers the broker
 * @param inputTopic the pre-loaded input
 * @param outputTopic where results go (created by the harness before the run)
 * @param appId fresh per run; the consumer group the progress is reported under
 * @param stateDir a fresh directory: the checkpoint and Spark's local directory go under it
 */
record SparkJobSpec(String workload, String side, String bootstrapServers, String inputTopic, String outputTopic,
                    String appId, Path stateDir) {

    /** Reads {@code WORKLOAD SIDE BOOTSTRAP INPUT OUTPUT APP_ID STATE_DIR}. */
    static SparkJobSpec parse(String[] args) {
        if (args.length != 7) {
            throw new IllegalArgumentException(
                    "expected: WORKLOAD SIDE BOOTSTRAP INPUT OUTPUT APP_ID STATE_DIR, got " + List.of(args));
        }
        return new SparkJobSpec(args[0], args[1], args[2], args[3], args[4], args[5], Path.of(args[6]));
    }
}
