package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    @Test
    void quickIsTheDefaultAndWritesOutsideDocs() {
        HarnessOptions options = HarnessOptions.parse();
        assertThat(options.mode()).isEqualTo("quick");
        assertThat(options.repetitions()).isEqualTo(1);
        assertThat(options.profile()).isFalse();
        assertThat(options.doc()).isEqualTo(Path.of("benchmarks", "target", "harness", "benchmarks-quick.md"));
    }

    @Test
    void fullWritesTheDocAndOptionsOverrideTheMode() {
        HarnessOptions options = HarnessOptions.parse("--full", "--reps", "5", "--only", "batch_count,running-count",
                "--partitions", "2", "--no-profile", "--profile-workload", "running_count");
        assertThat(options.doc()).isEqualTo(Path.of("docs", "benchmarks.md"));
        assertThat(options.repetitions()).isEqualTo(5);
        assertThat(options.workloads()).containsExactlyInAnyOrder(Workload.BATCH_COUNT, Workload.RUNNING_COUNT);
        assertThat(options.partitions()).isEqualTo(Set.of(2));
        assertThat(options.profile()).isFalse();
        assertThat(options.profileWorkload()).isEqualTo(Workload.RUNNING_COUNT);
        assertThat(options.jmh()).isTrue();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> HarnessOptions.parse("--bogus", "1")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> HarnessOptions.parse("--reps", "0")).hasMessageContaining("--reps");
    }

    @Test
    void latencyIsMeasuredByDefaultAndSelectedByOnly() {
        assertThat(HarnessOptions.parse("--quick").latency()).isTrue();
        assertThat(HarnessOptions.parse("--quick").workloads()).contains(Workload.EVENTS_PER_HOUR,
                Workload.STRUCTURED_SLIDING_COUNT);

        HarnessOptions onlyLatency = HarnessOptions.parse("--quick", "--only", "latency", "--latency-rate", "5000");
        assertThat(onlyLatency.latency()).isTrue();
        assertThat(onlyLatency.workloads()).isEmpty();
        assertThat(onlyLatency.latencyRate()).isEqualTo(5000);

        HarnessOptions onlyEvents = HarnessOptions.parse("--quick", "--only", "events_per_hour");
        assertThat(onlyEvents.latency()).isFalse();
        assertThat(onlyEvents.workloads()).containsExactly(Workload.EVENTS_PER_HOUR);
    }
}
