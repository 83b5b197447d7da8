package io.streamling.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default number of stream threads: one per partition of the widest source, at most one per core. */
class StreamThreadsTest {

    @Test
    void shouldRunOneThreadForSinglePartitionSources() {
        // given sources of one partition each on a machine of 8 cores
        // then one thread: a second would have no task
        assertThat(StreamingRuntime.streamThreads(Map.of("a", 1, "b", 1), 8)).isEqualTo(1);
    }

    @Test
    void shouldRunOneThreadPerPartitionOfTheWidestSource() {
        // given a source of 3 partitions beside one of 1
        // then 3 threads on 8 cores
        assertThat(StreamingRuntime.streamThreads(Map.of("a", 3, "b", 1), 8)).isEqualTo(3);
    }

    @Test
    void shouldRunNoMoreThreadsThanCores() {
        // given 12 partitions on 2 cores, then 2 threads
        assertThat(StreamingRuntime.streamThreads(Map.of("a", 12), 2)).isEqualTo(2);
    }

    @Test
    void shouldRunOneThreadWithoutSources() {
        assertThat(StreamingRuntime.streamThreads(Map.of(), 4)).isEqualTo(1);
    }
}
