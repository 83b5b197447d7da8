package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

    @Test
    void countsTheMethodsOnTopOfTheStack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
            double sink = 0;
            // bounded busy work: the sampler needs a thread running Java code
            while (System.nanoTime() < deadline) {
                sink += spin();
            }
            assertThat(sink).isPositive();
            recording.stop();
            recording.dump(file);
        }
        JfrSummary summary = JfrSummary.of(file, thread -> true);
        assertThat(summary.samples()).isPositive();
        assertThat(summary.streamThreadSamples()).isEqualTo(summary.samples());
        assertThat(summary.topTotal(10, "io.streamling.")).extracting(JfrSummary.Entry::name)
                .contains("io.streamling.benchmarks.JfrSummaryTest.spin");
        assertThat(summary.markdown(5)).contains("execution samples").contains("| method | samples | share |");
        assertThat(JfrSummary.of(file).streamThreadSamples()).isZero();
    }

    @Test
    void lambdaClassNamesAreMadeComparable() {
        assertThat(JfrSummary.normalise("a.StatelessProcessor$$Lambda$974+0x00007f89c03a6cf0.9786794.accept"))
                .isEqualTo("a.StatelessProcessor$$Lambda.accept");
    }

    private static double spin() {
        double x = 1;
        for (int i = 1; i < 100_000; i++) {
            x += Math.sqrt(i) / i;
        }
        return x;
    }
}
