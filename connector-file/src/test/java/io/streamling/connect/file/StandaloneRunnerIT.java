package io.streamling.connect.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone runner, as a user runs it: {@code java -jar} on the module's jar (with its
 * {@code lib/} directory) and a properties file without {@code bootstrap.servers}, so it starts an
 * embedded broker; it reads a backlog of files and prints progress lines.
 */
class StandaloneRunnerIT {

    private static final Pattern BROKER = Pattern.compile("Embedded Kafka broker at (\\S+)");
    private static final int FILES = 300;
    private static final int LINES_PER_FILE = 1000;

    @TempDir
    Path dir;

    private Process runner;

    @AfterEach
    void stop() throws Exception {
        if (runner != null) {
            runner.destroy(); // SIGTERM: the shutdown hook stops connector, worker and broker
            if (!runner.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                runner.destroyForcibly();
            }
        }
    }

    @Test
    void shouldRunFromItsJarWithAnEmbeddedBrokerAndShowProgressOverABacklog() throws Exception {
        // given: a backlog of files and a properties file without bootstrap.servers
        Path in = Files.createDirectory(dir.resolve("in"));
        String content = "a line of the backlog\n".repeat(LINES_PER_FILE); // enough to take a few progress ticks
        for (int i = 0; i < FILES; i++) {
            Files.writeString(in.resolve(String.format("file-%03d.txt", i)), content);
        }
        Path properties = dir.resolve("file-source.properties");
        Files.writeString(properties, String.join("\n",
                "name=runner-it", "topic=runner-lines", "file.path=" + in, "file.existing=process",
                "poll.interval.ms=100", "poll.max.files=20", "progress.interval.ms=100", ""));
        Path jar = Path.of("target", "streamling-connector-file-" + Version.get() + ".jar");
        assertThat(jar).exists();

        // when
        runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), properties.toString()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(runner.getInputStream(), UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (java.io.IOException e) {
                output.add("(output closed: " + e + ")");
            }
        }, "runner-output");
        reader.setDaemon(true);
        reader.start();

        // then: it tells where its broker is, the lines arrive there, and progress is shown until all is done
        await().atMost(Duration.ofSeconds(60)).until(() -> output.stream().anyMatch(l -> BROKER.matcher(l).find()));
        Matcher broker = output.stream().map(BROKER::matcher).filter(Matcher::find).findFirst().orElseThrow();
        try (TopicReader topic = new TopicReader(broker.group(1), "runner-lines", false)) {
            topic.readExactly(FILES * LINES_PER_FILE, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> output.stream()
                .anyMatch(l -> l.startsWith("files " + FILES + " done, 0 reading, 0 pending, 0 failed") && l.endsWith("idle")));
        assertThat(output).as("progress while the backlog was read")
                .anyMatch(l -> l.matches("files \\d+ done, 1 reading, \\d+ pending, 0 failed \\| [\\d,]+ records.*to go.*"));
    }
}
