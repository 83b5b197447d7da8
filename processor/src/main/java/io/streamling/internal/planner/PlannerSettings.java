package io.streamling.internal.planner;

import io.streamling.internal.runtime.BatchClock;
import io.streamling.internal.runtime.ProgressPolicy;
import io.streamling.internal.runtime.RecordErrorPolicy;
import io.streamling.internal.runtime.RuntimeServices;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner needs to know beyond the plan itself.
 *
 * @param clock the batch clock
 * @param progress the idle timeout and allowed lateness of source partitions
 * @param maxEmptyBatches the most consecutive empty batches an output prints after a gap
 * @param sourcePartitions the partition count of each source topic; topics not listed have one
 * @param lateTopic where late source records go; empty = they are counted and dropped
 * @param errorPolicy what happens to an element whose user function throws
 * @param deadLetterTopic where such elements go under {@link RecordErrorPolicy#DEAD_LETTER}
 * @param services the console, listeners and counters shared with the running program
 * @param oneTaskPerStep whether every step runs as one task, whatever partition counts the program
 *     asks for: the topology for {@code TopologyTestDriver}, which runs one task per sub-topology
 *     (results are the same; only the parallelism differs)
 */
public record PlannerSettings(BatchClock clock, ProgressPolicy progress, long maxEmptyBatches,
                              Map<String, Integer> sourcePartitions, Optional<String> lateTopic,
                              RecordErrorPolicy errorPolicy, Optional<String> deadLetterTopic,
                              RuntimeServices services, boolean oneTaskPerStep) {

    /** Copies the partition map. */
    public PlannerSettings {
        sourcePartitions = Map.copyOf(sourcePartitions);
    }

    int partitionsOf(String topic) {
        return sourcePartitions.getOrDefault(topic, 1);
    }
}
