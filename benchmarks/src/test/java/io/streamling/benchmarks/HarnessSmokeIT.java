package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The harness end to end on a tiny input, so it cannot rot: a broker JVM, the per-batch word
 * count by Streamling and by the hand-written Kafka Streams topology, each in its own JVM, the
 * report. Both must compute the expected result. Timings are not checked.
 */
class HarnessSmokeIT {

    @Test
    @Timeout(180)
    void bothSidesOfThePerBatchCountComputeTheSameResult() throws Exception {
        Path work = Path.of("target", "smoke");
        Runner.deleteRecursively(work);
        // failsafe runs after package: target/classes and the copied dependencies are the harness's class path
        String classpath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target", "lib").toAbsolutePath() + File.separator + "*";
        HarnessOptions options = HarnessOptions.parse("--quick", "--only", "batch_count", "--partitions", "1",
                "--sides", "streamling,kafka_streams", "--lines", "3000", "--lines-per-second", "300",
                "--startup-reps", "0", "--no-profile", "--work-dir", work.toString(), "--classpath", classpath);

        Report report = Harness.run(options);

        List<RunResult> results = report.results();
        assertThat(results).extracting(RunResult::side).containsExactlyInAnyOrder(Side.STREAMLING, Side.KAFKA_STREAMS);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.error()).isNull();
            assertThat(result.complete()).isTrue();
            assertThat(result.checksum()).isEqualTo(result.expectedChecksum());
            assertThat(result.missing()).isZero();
        });
        assertThat(results.get(0).checksum()).isEqualTo(results.get(1).checksum());
        assertThat(Files.readString(options.doc())).contains("| per-batch word count | 1 | Streamling |");
    }
}
