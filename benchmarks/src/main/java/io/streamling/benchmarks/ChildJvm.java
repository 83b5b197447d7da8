package io.streamling.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM: its standard output is read line by line (the protocol of {@link WorkloadMain} and
 * {@link BrokerMain}), its standard error goes to a log file, and closing it closes its standard
 * input, waits a bounded time for it to exit, and then kills it — it never outlives the harness.
 */
final class ChildJvm implements AutoCloseable {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final long startedNanos = System.nanoTime();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readOutput, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} in a new JVM of the running JDK.
     *
     * @param log where the child's standard error goes
     */
    static ChildJvm start(String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
                          Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildJvm(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended; whoever waits for a line times out or sees it exit
        }
    }

    /**
     * The next standard-output line starting with {@code prefix} (earlier lines are skipped).
     *
     * @throws IllegalStateException when the child exits or {@code timeout} passes first
     */
    String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " before printing '" + prefix + "'");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        throw new IllegalStateException(name + " printed no '" + prefix + "' line within " + timeout);
    }

    /** The value after {@code prefix} on the next line that starts with it. */
    String awaitValue(String prefix, Duration timeout) {
        return awaitLine(prefix, timeout).substring(prefix.length()).trim();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Seconds since the child was launched. */
    double ageSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** CPU time (user + system) the child used so far. */
    Optional<Duration> cpu() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** The child's peak resident set size (VmHWM) in MB, where /proc exists. */
    Optional<Double> peakRssMb() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return Optional.of(Long.parseLong(kb) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: the figure is reported as unknown
        }
        return Optional.empty();
    }

    /** Closes the child's standard input: the protocol's "stop". */
    void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed, or the child is gone
        }
    }

    @Override
    public void close() {
        closeInput();
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
