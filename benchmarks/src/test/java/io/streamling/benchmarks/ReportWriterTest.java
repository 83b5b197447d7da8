package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    @Test
    void tableShowsMediansRatiosAndExactness() {
        List<RunResult> results = List.of(
                run(Side.STREAMLING, 1, 20_000, "aa"), run(Side.STREAMLING, 2, 30_000, "aa"),
                run(Side.STREAMLING, 3, 40_000, "aa"),
                run(Side.KAFKA_STREAMS, 1, 10_000, "aa"), run(Side.KAFKA_STREAMS, 2, 15_000, "bb"),
                run(Side.KAFKA_STREAMS, 3, 20_000, "aa"));
        HarnessOptions options = HarnessOptions.parse("--quick");
        Report report = new Report(options, options.input(), MachineInfo.current(), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(75), "1.0, 1.0, 1.0", "2.0, 2.0, 2.0", results, List.of(4.0, 5.0, 6.0),
                Optional.empty(), Optional.of("| `ElementSerdeBenchmark.tuple2RoundTrip` | 90.0 | 5.0 | ns/op |\n"));
        List<Summary> summaries = Summary.of(results);
        String md = ReportWriter.markdown(report, summaries, "chart.svg");
        assertThat(md).contains("| per-batch word count | 1 | Streamling | 30,000 | 20,000–40,000 | **2.00×** Kafka Streams")
                .contains("| per-batch word count | 1 | Kafka Streams | 15,000 | 10,000–20,000 | — |")
                .contains("| 3/3 |").contains("| 2/3 |")
                .contains("median **5.0 s**")
                .contains("![Streamling ÷ baseline](chart.svg)")
                .contains("## Microbenchmarks (JMH)");
        assertThat(JmhRun.markdown(List.of("\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
                "\"io.streamling.benchmarks.jmh.PlannerBenchmark.compileNetworkWordCount\",\"avgt\",1,3,19.242,133.468,\"us/op\"")))
                .contains("| `PlannerBenchmark.compileNetworkWordCount` | 19.2 | 133.5 | us/op |");
        String svg = RatioChart.svg(RatioChart.bars(summaries), "t");
        assertThat(svg).startsWith("<svg").contains("2.00×").contains("Streamling ÷ Kafka Streams");
    }

    @Test
    void sparkRunsAreABaselineOfTheirWorkloadAndReplaceTheNotRunNote() {
        List<RunResult> results = List.of(run(Side.STREAMLING, 1, 30_000, "aa"), run(Side.SPARK, 1, 60_000, "aa"));
        HarnessOptions options = HarnessOptions.parse("--quick");
        Report report = new Report(options, options.input(), MachineInfo.current(), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(75), "1.0, 1.0, 1.0", "2.0, 2.0, 2.0", results, List.of(),
                Optional.empty(), Optional.empty());
        String md = ReportWriter.markdown(report, Summary.of(results), "chart.svg");
        assertThat(md).contains("| per-batch word count | 1 | Streamling | 30,000 | 30,000–30,000 | **0.50×** Apache Spark 4.0.1 local[2] |")
                .contains("| per-batch word count | 1 | Apache Spark 4.0.1 local[2] | 60,000 | 60,000–60,000 | — |")
                .doesNotContain("not run here");
        String withoutSpark = ReportWriter.markdown(report, Summary.of(results.subList(0, 1)), "chart.svg");
        assertThat(withoutSpark).contains("- **Apache Spark**: not run here");
    }

    @Test
    void aWorkloadWhoseRunsAllFailedHasNoRatioInsteadOfNaN() {
        RunResult failed = new RunResult(Workload.BATCH_COUNT, Side.STREAMLING, 1, 1, 20_000, "timed out", Double.NaN,
                Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, null, "aa", 0, 0);
        List<RunResult> results = List.of(failed, run(Side.KAFKA_STREAMS, 1, 10_000, "aa"));
        HarnessOptions options = HarnessOptions.parse("--quick");
        Report report = new Report(options, options.input(), MachineInfo.current(), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(75), "1.0, 1.0, 1.0", "2.0, 2.0, 2.0", results, List.of(),
                Optional.empty(), Optional.empty());
        String md = ReportWriter.markdown(report, Summary.of(results), "chart.svg");
        assertThat(md).contains("no ratio (no successful run) Kafka Streams").doesNotContain("NaN");
    }

    @Test
    void connectorRowsAreComparedWithThePlainProducerUnderBothSettings() {
        List<ConnectorProbe.Result> connectors = List.of(
                connector("FileSourceConnector", 1, 2.0), connector("FileSourceConnector", 2, 4.0),
                connector(ConnectorProbe.PLAIN, 1, 1.0), connector(ConnectorProbe.PLAIN, 2, 2.0),
                connector(ConnectorProbe.PLAIN_WORKER_SETTINGS, 1, 3.0),
                connector(ConnectorProbe.PLAIN_WORKER_SETTINGS, 2, 5.0));
        HarnessOptions options = HarnessOptions.parse("--quick");
        Report report = new Report(options, options.input(), MachineInfo.current(), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(75), "1.0, 1.0, 1.0", "2.0, 2.0, 2.0", List.of(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), connectors);
        String md = ReportWriter.markdown(report, List.of(), "chart.svg");
        // the median of two runs is their mean: 112,500 lines/s, plain 225,000, plain with Connect's settings 80,000
        assertThat(md).contains("| vs plain producer (client defaults) | vs plain producer (the worker's producer settings) |")
                .contains("| file | FileSourceConnector | 112,500 | 75,000–150,000 | **0.50×** | **1.41×** |")
                .contains("| file | plain producer | 225,000 | 150,000–300,000 | — | — |")
                .contains("| file | plain producer, the worker's producer settings | 80,000 | 60,000–100,000 | — | — |");
    }

    private static ConnectorProbe.Result connector(String side, int repetition, double seconds) {
        return new ConnectorProbe.Result("file", side, repetition, 300_000, seconds, null);
    }

    private static RunResult run(Side side, int repetition, double linesPerSecond, String checksum) {
        return new RunResult(Workload.BATCH_COUNT, side, 1, repetition, 20_000, null, 20_000 / linesPerSecond,
                linesPerSecond, true, 10, 400, 1, checksum, "aa", 0, 0);
    }
}
