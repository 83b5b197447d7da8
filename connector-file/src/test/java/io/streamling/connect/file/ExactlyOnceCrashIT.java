package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.connect.storage.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.streamling.embedded.EmbeddedKafkaBroker;

/**
 * The worker is killed uncleanly (SIGKILL) in the middle of a file and started again, with
 * exactly-once source support: every line arrives exactly once (read_committed), and no file is
 * cleaned up before its records were committed.
 *
 * <p>Kafka implements exactly-once source support for distributed workers only, so the worker is a
 * real {@code ConnectDistributed} worker in a child JVM ({@link DistributedWorkerMain}), against an
 * embedded broker in this JVM.
 */
class ExactlyOnceCrashIT {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceCrashIT.class);

    private static final String TOPIC = "eos-lines";
    private static final int FILES = 4;
    private static final int LINES_PER_FILE = 40_000;
    private static final int TOTAL = FILES * LINES_PER_FILE;
    /** The kill comes once the first file and a quarter of the second are committed. */
    private static final int KILL_AFTER = LINES_PER_FILE * 5 / 4;

    @TempDir
    Path dir;

    @TempDir
    Path config;

    private EmbeddedKafkaBroker broker;
    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        workers.forEach(Process::destroyForcibly);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldDeliverEveryLineExactlyOnceAndCleanUpOnlyCommittedFilesWhenTheWorkerIsKilledMidFile() throws Exception {
        // given: a broker that notices a dead worker quickly, four files, a distributed worker with exactly-once on
        broker = EmbeddedKafkaBroker.start(Map.of("group.min.session.timeout.ms", "1000",
                "transaction.abort.timed.out.transaction.cleanup.interval.ms", "500"));
        broker.createTopic(TOPIC, 1);
        Map<Path, List<String>> files = writeFiles();
        Path workerProps = properties("worker.properties", workerConfig());
        Path connectorProps = properties("connector.properties", connectorConfig());

        try (TopicReader committed = new TopicReader(broker.bootstrapServers(), TOPIC, true)) {
            Process first = startWorker(workerProps, connectorProps, 1);

            // when: killed without warning once part of the lines are committed, in the middle of a file
            committed.readAtLeast(KILL_AFTER, Duration.ofSeconds(120));
            first.destroyForcibly().waitFor();
            log.info("Killed the first worker with {} lines committed", committed.values().size());
            Set<Path> cleanedUpAtKill = new HashSet<>(files.keySet());
            cleanedUpAtKill.removeIf(Files::exists);
            List<String> committedAtKill = List.copyOf(awaitStable(committed));

            // then: what was cleaned up had all its lines committed; the kill hit the middle of the work
            Set<String> seenAtKill = new HashSet<>(committedAtKill);
            for (Path cleanedUp : cleanedUpAtKill) {
                // (a set difference: AssertJ's containsAll compares element by element, too slow for 50,000 lines)
                List<String> missing = files.get(cleanedUp).stream().filter(line -> !seenAtKill.contains(line)).toList();
                assertThat(missing).as("lines of %s, deleted before the kill, not committed", cleanedUp).isEmpty();
            }
            assertThat(cleanedUpAtKill).as("a file cleaned up before the kill").isNotEmpty();
            assertThat(committedAtKill.size()).isBetween(KILL_AFTER, TOTAL - 1);
            assertThat(files.values()).as("a file partly committed at the kill").anySatisfy(lines -> assertThat(
                    lines.stream().filter(seenAtKill::contains).count()).isBetween(1L, lines.size() - 1L));

            // when: a new worker takes over
            log.info("Starting the second worker; {} lines committed before", committedAtKill.size());
            startWorker(workerProps, connectorProps, 2);
            committed.readAtLeast(TOTAL, Duration.ofSeconds(120));
            List<String> all = awaitStable(committed);

            // then: every line exactly once, in file order, and every file cleaned up
            assertThat(all).hasSize(TOTAL);
            assertThat(new HashSet<>(all)).as("distinct lines").hasSize(TOTAL);
            Map<String, List<String>> byFile = all.stream().collect(Collectors.groupingBy(
                    line -> line.substring(0, line.indexOf('-')), LinkedHashMap::new, Collectors.toList()));
            assertThat(byFile).hasSize(FILES).allSatisfy((file, lines) -> assertThat(lines).isSorted());
            await().atMost(Duration.ofSeconds(30)).until(() -> files.keySet().stream().noneMatch(Files::exists));
        }
    }

    /** Reads until no more committed records arrive for two seconds. */
    private static List<String> awaitStable(TopicReader reader) {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            int size = reader.poll().size();
            boolean stable = size == last[0];
            last[0] = size;
            return stable;
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> reader.poll().size() == last[0]);
        return reader.values();
    }

    private Map<Path, List<String>> writeFiles() throws IOException {
        Map<Path, List<String>> files = new LinkedHashMap<>();
        for (int f = 0; f < FILES; f++) {
            List<String> lines = new ArrayList<>(LINES_PER_FILE);
            StringBuilder content = new StringBuilder();
            for (int l = 0; l < LINES_PER_FILE; l++) {
                String line = String.format("f%d-l%06d", f, l);
                lines.add(line);
                content.append(line).append('\n');
            }
            Path temp = dir.resolve(".file-" + f + ".tmp");
            Files.writeString(temp, content);
            files.put(Files.move(temp, dir.resolve("file-" + f + ".txt"), StandardCopyOption.ATOMIC_MOVE), lines);
        }
        return files;
    }

    private Map<String, String> workerConfig() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("group.id", "eos-crash-it");
        props.put("config.storage.topic", "eos-crash-it-configs");
        props.put("offset.storage.topic", "eos-crash-it-offsets");
        props.put("status.storage.topic", "eos-crash-it-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "1");
        props.put("status.storage.partitions", "1");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", StringConverter.class.getName());
        props.put("exactly.once.source.support", "enabled");
        props.put("plugin.discovery", "service_load");
        props.put("listeners", "http://127.0.0.1:0");
        // a dead worker's tasks move at once, and its group membership expires quickly
        props.put("scheduled.rebalance.max.delay.ms", "0");
        props.put("session.timeout.ms", "3000");
        props.put("heartbeat.interval.ms", "500");
        // the killed worker's open transaction blocks read_committed readers of the offsets topic (and so the
        // next worker's start) until it times out: keep that short (transactions here last one poll)
        props.put("producer.transaction.timeout.ms", "5000");
        return props;
    }

    private Map<String, String> connectorConfig() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("name", "eos-files");
        props.put("connector.class", FileSourceConnector.class.getName());
        props.put("tasks.max", "1");
        props.put("exactly.once.support", "required");
        props.put("transaction.boundary", "poll");
        props.put(FileSourceConfig.TOPIC_CONFIG, TOPIC);
        props.put(FileSourceConfig.FILE_PATH_CONFIG, dir.toString());
        props.put(FileSourceConfig.FILE_EXISTING_CONFIG, "process");
        props.put(FileSourceConfig.CLEANUP_CONFIG, "delete");
        // small transactions: many commits, so the kill lands between and inside them
        props.put(FileSourceConfig.POLL_MAX_RECORDS_CONFIG, "500");
        props.put(FileSourceConfig.POLL_INTERVAL_MS_CONFIG, "100");
        return props;
    }

    private Path properties(String name, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        Path file = config.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private Process startWorker(Path workerProps, Path connectorProps, int generation) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = Path.of("target", "eos-crash-worker-" + generation + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=logback-worker.xml", "-cp", classPath, DistributedWorkerMain.class.getName(),
                workerProps.toString(), connectorProps.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        workers.add(process);
        return process;
    }
}
