package io.streamling.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Start-up on the embedded default: the seconds from launching
 * {@code java -cp ... io.streamling.examples.Launcher network-word-count} (a fresh JVM that
 * starts its own broker, socket connector and program) to its first printed batch
 * ({@code Time: ...}). The text served is short, so the example ends by itself soon after.
 */
final class StartupProbe {

    private static final String LAUNCHER = "io.streamling.examples.Launcher";
    private static final Duration FIRST_OUTPUT_TIMEOUT = Duration.ofMinutes(2);
    private static final int TEXT_LINES = 60;

    private StartupProbe() {
    }

    /** Seconds to first output, one per repetition (NaN for a failed one). */
    static List<Double> measure(String classpath, List<String> jvmOptions, Path workDir, int repetitions) {
        Path text = writeText(workDir.resolve("startup-text.txt"));
        List<Double> seconds = new ArrayList<>();
        for (int rep = 1; rep <= repetitions; rep++) {
            Path log = workDir.resolve("logs").resolve("startup-r" + rep + ".log");
            try (ChildJvm launcher = ChildJvm.start("startup", jvmOptions, classpath, LAUNCHER,
                    List.of("network-word-count", "--text", text.toString(), "--duration", "60"), log)) {
                launcher.awaitLine("Time:", FIRST_OUTPUT_TIMEOUT);
                seconds.add(launcher.ageSeconds());
            } catch (RuntimeException e) {
                System.err.println("start-up run " + rep + " failed: " + e.getMessage());
                seconds.add(Double.NaN);
            }
        }
        return seconds;
    }

    private static Path writeText(Path file) {
        List<String> lines = new ArrayList<>();
        Iterator<InputSpec.Line> input = InputSpec.of(TEXT_LINES, 10, 7).iterator();
        while (input.hasNext()) {
            lines.add(input.next().text());
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
