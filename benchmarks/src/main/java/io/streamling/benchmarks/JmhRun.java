package io.streamling.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs the JMH microbenchmarks ({@code io.streamling.benchmarks.jmh}) in a child JVM, briefly
 * (1 fork, 2 warm-up and 3 measured iterations of 1 s), and renders their CSV result as Markdown.
 */
final class JmhRun {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private JmhRun() {
    }

    /** The Markdown table of the results, or a line saying why there is none. */
    static String run(String classpath, Path workDir) {
        Path csv = workDir.resolve("jmh.csv").toAbsolutePath();
        try {
            Files.deleteIfExists(csv);
            try (ChildJvm jmh = ChildJvm.start("jmh", List.of(), classpath, "org.openjdk.jmh.Main",
                    List.of("io.streamling.benchmarks.jmh", "-f", "1", "-wi", "2", "-i", "3", "-w", "1", "-r", "1",
                            "-rf", "csv", "-rff", csv.toString()),
                    workDir.resolve("logs").resolve("jmh.log"))) {
                jmh.awaitLine("# Run complete", TIMEOUT);
            }
            return markdown(Files.readAllLines(csv));
        } catch (IOException | RuntimeException e) {
            return "JMH did not run: " + e.getMessage() + "\n";
        }
    }

    static String markdown(List<String> csvLines) {
        StringBuilder md = new StringBuilder("| benchmark | score | ± (99.9 %) | unit |\n|---|---:|---:|---|\n");
        for (String line : csvLines.subList(1, csvLines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            if (cells.length >= 7) {
                md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %s |%n",
                        cells[0].replace("io.streamling.benchmarks.jmh.", ""), Double.parseDouble(cells[4]),
                        Double.parseDouble(cells[5]), cells[6]));
            }
        }
        return md.toString();
    }
}
