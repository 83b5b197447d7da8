package io.streamling.connect.socket;

import static io.streamling.connect.socket.ItSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import io.streamling.connect.socket.ItSupport.TopicReader;
import io.streamling.connect.socket.standalone.SocketSourceStandalone;
import io.streamling.connect.socket.tools.LineServer;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways to run besides in-process: as a plugin of a plain Kafka Connect worker, and standalone
 * from the module's own jar (embedded broker or a given cluster). Uses what {@code mvn package} built;
 * Failsafe passes the paths.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PackagingIT {

    private static final Path PLUGIN_ZIP = Path.of(System.getProperty("socket.plugin.zip", "missing"));
    private static final Path PLUGIN_PATH = Path.of(System.getProperty("socket.plugin.path", "missing"));
    private static final Path STANDALONE_DIR = Path.of(System.getProperty("socket.standalone.dir", "missing"));
    private static final List<String> LINES = IntStream.rangeClosed(1, 50).mapToObj(i -> "packaged line " + i).toList();

    @Test
    void givenThePluginArchive_whenListed_thenItHoldsTheConnectorJarButNoKafkaOrLoggingJars() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(PLUGIN_ZIP.toFile())) {
            zip.stream().forEach(e -> entries.add(e.getName()));
        }
        String base = "streamling-connector-socket-" + Version.get() + "/";
        assertThat(entries).contains(base + "lib/streamling-connector-socket-" + Version.get() + ".jar",
            base + "doc/README.md", base + "etc/socket-source-client.properties", base + "etc/socket-source-server.properties");
        assertThat(entries).filteredOn(e -> e.endsWith(".jar")).hasSize(1);
        assertThat(entries).noneMatch(e -> e.contains("connect-api") || e.contains("kafka-clients")
            || e.contains("slf4j") || e.contains("logback") || e.contains("streamling-embedded"));
        try (JarFile jar = new JarFile(PLUGIN_PATH.resolve(base + "lib/streamling-connector-socket-" + Version.get() + ".jar")
            .toFile())) {
            assertThat(new String(jar.getInputStream(jar.getEntry(
                "META-INF/services/org.apache.kafka.connect.source.SourceConnector")).readAllBytes(), StandardCharsets.UTF_8))
                .contains(SocketSourceConnector.class.getName());
        }
    }

    @Test
    void givenAPlainConnectWorkerWithThePluginOnItsPluginPath_whenTheShippedSampleConfigRuns_thenLinesReachKafka(
        EmbeddedKafkaBroker broker, @TempDir Path dir) throws Exception {
        // given: Kafka's own connect-standalone launcher in a JVM whose class path has Kafka but not this connector
        broker.createTopic("plugin-lines", 1);
        try (LineServer server = LineServer.serve(LINES, 0, Duration.ZERO);
             TopicReader<String> reader = TopicReader.strings(broker, "plugin-lines")) {
            Properties worker = new Properties();
            worker.put("bootstrap.servers", broker.bootstrapServers());
            worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
            worker.put("plugin.path", PLUGIN_PATH.toString());
            worker.put("plugin.discovery", "service_load");
            worker.put("listeners", "http://127.0.0.1:0");
            Properties connector = load(PLUGIN_PATH.resolve("streamling-connector-socket-" + Version.get()
                + "/etc/socket-source-client.properties"));
            connector.put("topic", "plugin-lines");
            connector.put("socket.port", String.valueOf(server.port()));
            List<String> classPath = libJars();
            assertThat(classPath).noneMatch(jar -> Path.of(jar).getFileName().toString().startsWith("streamling-connector-socket"));

            // when
            Process connect = java(dir, List.of("-cp", String.join(File.pathSeparator, classPath),
                "org.apache.kafka.connect.cli.ConnectStandalone", write(dir, "worker.properties", worker).toString(),
                write(dir, "connector.properties", connector).toString()));
            try {
                // then
                reader.readExactly(LINES.size(), Duration.ofMillis(500));
                assertThat(reader.values()).containsExactlyElementsOf(LINES);
            } finally {
                stop(connect, dir);
            }
        }
    }

    @Test
    void givenTheStandaloneJarAndAPropertiesFileWithoutBootstrapServers_whenRun_thenItStartsItsOwnBrokerAndWritesThere(
        @TempDir Path dir) throws Exception {
        // given
        try (LineServer server = LineServer.serve(LINES, 0, Duration.ZERO)) {
            Properties props = new Properties();
            props.put("name", "standalone-source");
            props.put("topic", "standalone-lines");
            props.put("socket.host", "127.0.0.1");
            props.put("socket.port", String.valueOf(server.port()));
            Path jar = STANDALONE_DIR.resolve("streamling-connector-socket-" + Version.get() + ".jar");

            // when: java -jar, as a user would
            Process standalone = java(dir, List.of("-jar", jar.toString(), write(dir, "socket.properties", props).toString()));
            try {
                // then: it tells where its broker is, and the lines are there
                Path stderr = dir.resolve("stderr.log");
                Pattern started = Pattern.compile("Kafka at (\\S+) \\(embedded\\)");
                String[] bootstrap = new String[1];
                await().atMost(TIMEOUT).until(() -> {
                    Matcher m = started.matcher(Files.readString(stderr));
                    bootstrap[0] = m.find() ? m.group(1) : null;
                    return bootstrap[0] != null || !standalone.isAlive();
                });
                assertThat(standalone.isAlive()).as(() -> "standalone exited: " + read(stderr)).isTrue();
                try (TopicReader<String> reader = TopicReader.strings(bootstrap[0], "standalone-lines", 1)) {
                    reader.readExactly(LINES.size(), Duration.ofMillis(500));
                    assertThat(reader.values()).containsExactlyElementsOf(LINES);
                }
            } finally {
                assertThat(stop(standalone, dir)).as(() -> "stops cleanly on SIGTERM; stderr:\n" + read(dir.resolve("stderr.log"))
                    + "\nthreads:\n" + read(dir.resolve("threads.txt"))).isTrue();
            }
        }
    }

    @Test
    void givenBootstrapServers_whenTheStandaloneRunnerStarts_thenItWritesToThatCluster(EmbeddedKafkaBroker broker) {
        broker.createTopic("given-cluster", 1);
        try (LineServer server = LineServer.serve(LINES, 0, Duration.ZERO);
             TopicReader<String> reader = TopicReader.strings(broker, "given-cluster")) {
            Map<String, String> props = new HashMap<>();
            props.put(SocketSourceStandalone.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            props.put("topic", "given-cluster");
            props.put("socket.host", "127.0.0.1");
            props.put("socket.port", String.valueOf(server.port()));
            props.put("worker.producer.linger.ms", "1");

            try (SocketSourceStandalone standalone = SocketSourceStandalone.start(props)) {
                assertThat(standalone.embeddedBroker()).isFalse();
                assertThat(standalone.connectorName()).isEqualTo(SocketSourceStandalone.DEFAULT_NAME);
                reader.readExactly(LINES.size(), Duration.ofMillis(500));
                assertThat(reader.values()).containsExactlyElementsOf(LINES);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> libJars() throws IOException {
        try (Stream<Path> jars = Files.list(STANDALONE_DIR.resolve("lib"))) {
            return jars.map(Path::toString).sorted().toList();
        }
    }

    private static Process java(Path dir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m", "-Dlogback.configurationFile=" + STANDALONE_DIR.resolve("etc/logback.xml")));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    }

    /**
     * SIGTERM, then a bounded wait; if it does not exit, a thread dump goes to threads.txt in its
     * directory before it is killed.
     *
     * @return whether it exited in time
     */
    private static boolean stop(Process process, Path dir) throws InterruptedException, IOException {
        process.destroy();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "Thread.print")
                .redirectOutput(dir.resolve("threads.txt").toFile())
                .start().waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return exited;
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }

    private static Path write(Path dir, String name, Properties props) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, null);
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
