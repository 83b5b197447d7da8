package io.streamling.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmark ran on, for the report. */
record MachineInfo(int processors, String cpuModel, long memoryMb, String jdk, String os) {

    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String loadAverage() {
        List<String> lines = read("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split(" ");
        return parts.length >= 3 ? parts[0] + ", " + parts[1] + ", " + parts[2] : "unknown";
    }

    private static String readCpuModel() {
        for (String line : read("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static long readMemoryMb() {
        for (String line : read("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %,d MB RAM, %s, %s", processors, cpuModel, memoryMb, jdk, os);
    }
}
