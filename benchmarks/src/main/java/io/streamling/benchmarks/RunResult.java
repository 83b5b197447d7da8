package io.streamling.benchmarks;

/**
 * One run of one side of one workload, in a fresh JVM.
 *
 * @param workload the workload
 * @param side who ran it
 * @param partitions input partitions
 * @param repetition 1-based repetition
 * @param lines input lines
 * @param error why the run failed, or null
 * @param seconds from the start of the program to the last output record that completed (or last
 *                changed) the result
 * @param linesPerSecond input lines over {@code seconds}
 * @param complete whether every expected result was seen
 * @param cpuSeconds CPU (user + system) of the child JVM, start-up included
 * @param peakRssMb peak resident memory of the child JVM (VmHWM), or NaN where unknown
 * @param brokerCpuSeconds CPU the broker's JVM used during the run
 * @param checksum checksum of the output seen
 * @param expectedChecksum checksum of the result computed from the input
 * @param missing expected records / counts not seen
 * @param lateReported records the program itself counted as dropped for lateness
 */
public record RunResult(Workload workload, Side side, int partitions, int repetition, int lines, String error,
                        double seconds,
                        double linesPerSecond, boolean complete, double cpuSeconds, double peakRssMb,
                        double brokerCpuSeconds, String checksum, String expectedChecksum, long missing,
                        long lateReported) {

    /** True when the run finished and measured something. */
    public boolean ok() {
        return error == null;
    }

    /** True when the output equals the expected result. */
    public boolean exact() {
        return ok() && checksum.equals(expectedChecksum);
    }

    /** A failed run. */
    static RunResult failed(Workload workload, Side side, int partitions, int repetition, String error) {
        return new RunResult(workload, side, partitions, repetition, 0, error, Double.NaN, Double.NaN, false, Double.NaN,
                Double.NaN, Double.NaN, "", "", -1, -1);
    }

    /** The CSV header matching {@link #csv()}. */
    static String csvHeader() {
        return "workload,side,partitions,repetition,lines,seconds,lines_per_s,complete,cpu_s,peak_rss_mb,broker_cpu_s,"
                + "checksum,expected_checksum,missing,late_reported,error";
    }

    /** One CSV line. */
    String csv() {
        return String.join(",", workload.name(), side.name(), Integer.toString(partitions),
                Integer.toString(repetition), Integer.toString(lines), fmt(seconds), fmt(linesPerSecond), Boolean.toString(complete),
                fmt(cpuSeconds), fmt(peakRssMb), fmt(brokerCpuSeconds), checksum, expectedChecksum,
                Long.toString(missing), Long.toString(lateReported),
                error == null ? "" : '"' + error.replace('"', '\'') + '"');
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
