package io.streamling.examples;

import io.streamling.connect.socket.tools.LineServer;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;
import io.streamling.streaming.Duration;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.Time;
import io.streamling.streaming.api.java.JavaDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.streaming.scheduler.StreamingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ./streamling} launcher: runs an example end to end, with nothing installed.
 *
 * <pre>
 * streamling EXAMPLE [--bootstrap-servers HOST:PORT] [--duration SECONDS] [--text FILE] [--delay-ms MS]
 * </pre>
 *
 * <p>The socket examples serve a text line by line on a local TCP port (the seed's TCP producer)
 * and run on it — on an embedded Kafka broker unless {@code --bootstrap-servers} names a cluster —
 * printing each batch as Spark does; they stop by themselves once the batches holding the whole
 * text have been printed, or after {@code --duration} seconds.
 */
public final class Launcher {

    private static final String USAGE = """
            Usage: streamling EXAMPLE [--bootstrap-servers HOST:PORT] [--duration SECONDS] [--text FILE] [--delay-ms MS]
            Examples:
              network-word-count     word counts of each 1-second batch of socket lines (Spark's NetworkWordCount)
              windowed-word-count    word counts over 30 s, every 10 s, incrementally (reduceByKeyAndWindow)
              stateful-word-count    running word counts from an initial state (updateStateByKey)
              count-by-window        the pysparkling seed: queueStream([[1,1,5],[5,5,2,4],[1,2]]).countByWindow
              json-file-stream       JSON lines from files dropped in a directory: filter, summary per batch, saveAsTextFiles
              structured-line-lengths Structured Streaming: text files, groupBy(len).count(), update mode, console
              structured-events      Structured Streaming: open/close JSON events, static analysis, then counts per action and
                                     hour in complete mode to the memory table counts, totalled with SQL
              structured-word-count  Structured Streaming: socket lines, split, explode, groupBy(word).count(), complete mode
              windowed-events-append Structured Streaming: JSON events, 10-min windows sliding 5 min, 10-min watermark, append mode
                                     to the Kafka topic windowed-events-counts, printed by a consumer""";
    private static final String BUNDLED_TEXT = "/texts/alice-chapter-1.txt";

    /** A program over socket lines: registers its outputs, returns the slide of what it prints. */
    private interface SocketProgram {
        Duration define(JavaDStream<String> lines);
    }

    private static final Map<String, SocketProgram> SOCKET_EXAMPLES = Map.of(
            "network-word-count", lines -> {
                NetworkWordCount.wordCounts(lines).to("NetworkWordCount-counts");
                return Durations.seconds(1);
            },
            "windowed-word-count", lines -> WindowedNetworkWordCount.windowedWordCounts(lines).slideDuration(),
            "stateful-word-count", lines -> StatefulNetworkWordCount.runningCounts(lines).slideDuration());

    private static final List<String> OTHER_EXAMPLES = List.of("count-by-window", "json-file-stream",
            "structured-line-lengths", "structured-events", "structured-word-count", "windowed-events-append");

    private Launcher() {
    }

    /**
     * Runs the example named by the first argument.
     *
     * @param args the example and its options
     * @throws Exception when the example fails
     */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.example.equals("count-by-window")) {
            runCountByWindow(options);
        } else if (options.example.equals("json-file-stream")) {
            runJsonFileStream(options);
        } else if (options.example.equals("structured-word-count")) {
            structuredRuns(options).wordCount(options.text == null ? bundledText() : readText(options.text),
                    java.time.Duration.ofMillis(options.delayMs));
        } else if (options.example.equals("structured-line-lengths")) {
            structuredRuns(options).lineLengths(options.text == null ? bundledText() : readText(options.text));
        } else if (options.example.equals("structured-events")) {
            structuredRuns(options).events();
        } else if (options.example.equals("windowed-events-append")) {
            structuredRuns(options).windowedEventsToKafka();
        } else {
            runSocketExample(options, SOCKET_EXAMPLES.get(options.example));
        }
    }

    /** Prints the queue's three windows, the window draining, then a few empty ones, and stops. */
    private static void runCountByWindow(Options options) throws InterruptedException {
        // a queue is written whole at start: batches after it close after a short idle time
        StreamingConf conf = conf("CountByWindow", options).set(StreamingConf.IDLE_TIMEOUT_MS, "200");
        CountDownLatch printed = new CountDownLatch(7);
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, QueueCountByWindow.BATCH)) {
            QueueCountByWindow.define(ssc, result -> {
                if (printed.getCount() > 0) {
                    System.out.println(result);
                    printed.countDown();
                }
            });
            ssc.start();
            printed.await(options.durationSeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * Drops three files of JSON events into a fresh directory, a second apart, while the program
     * watches it; prints each batch's summary and leaves the saved batches in a fresh directory.
     */
    private static void runJsonFileStream(Options options) throws Exception {
        Path input = Files.createTempDirectory("streamling-json-in-");
        Path staging = Files.createTempDirectory("streamling-json-staging-");
        Path output = Files.createTempDirectory("streamling-json-out-");
        AtomicLong lastBatch = new AtomicLong(Long.MIN_VALUE);
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf("JsonFileStream", options), Durations.seconds(1))) {
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(Time batchTime, long numRecords) {
                    lastBatch.accumulateAndGet(batchTime.milliseconds(), Math::max);
                }
            });
            JsonFileStream.define(ssc, input.toString(), output.resolve("events").toString(), System.out::println);
            ssc.start();
            System.err.println("Watching " + input + "; saving batches under " + output);
            String[] users = {"ann", "bob", "cid"};
            long lastDrop = 0;
            for (int file = 0; file < 3; file++) {
                StringBuilder events = new StringBuilder();
                for (int i = 0; i <= file; i++) {
                    events.append("{\"user\":\"").append(users[i]).append("\",\"action\":\"")
                            .append(i % 2 == 0 ? "open" : "close").append("\"}\n");
                }
                Path written = Files.writeString(staging.resolve("events-" + file + ".json"), events);
                Files.move(written, input.resolve(written.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                lastDrop = System.currentTimeMillis();
                ssc.awaitTerminationOrTimeout(1_000);
            }
            Instant deadline = Instant.now().plusSeconds(options.durationSeconds);
            while (lastBatch.get() < lastDrop + 3_000 && Instant.now().isBefore(deadline)) {
                ssc.awaitTerminationOrTimeout(100);
            }
        }
        System.err.println("Saved batches are in " + output);
    }

    private static StructuredRuns structuredRuns(Options options) {
        return new StructuredRuns(options.bootstrapServers, options.durationSeconds, System.out);
    }

    private static void runSocketExample(Options options, SocketProgram program) throws InterruptedException {
        List<String> text = options.text == null ? bundledText() : readText(options.text);
        AtomicLong lastBatchPrinted = new AtomicLong(Long.MIN_VALUE);
        String appName = camelCase(options.example);
        try (LineServer server = LineServer.serve(text, 0, java.time.Duration.ofMillis(options.delayMs));
             JavaStreamingContext ssc = new JavaStreamingContext(conf(appName, options), Durations.seconds(1))) {
            System.err.printf("Serving %d lines on 127.0.0.1:%d%n", text.size(), server.port());
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(Time batchTime, long numRecords) {
                    lastBatchPrinted.accumulateAndGet(batchTime.milliseconds(), Math::max);
                }
            });
            program.define(ssc.socketTextStream("127.0.0.1", server.port()));
            ssc.start();
            System.err.println("Running " + appName + " on " + ssc.bootstrapServers());
            awaitTextPrinted(ssc, server, lastBatchPrinted, Instant.now().plusSeconds(options.durationSeconds));
        }
    }

    /** Waits until an output covers the batch after the one holding the last line, or the deadline. */
    private static void awaitTextPrinted(JavaStreamingContext ssc, LineServer server, AtomicLong lastBatchPrinted,
                                         Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Instant lastLine = server.lastLineSentAt();
            // the connector stamps a line when it reads it, a moment after it was sent: one more batch covers that
            if (lastLine != null && lastBatchPrinted.get() >= lastLine.toEpochMilli() + 2_000) {
                return;
            }
            if (ssc.awaitTerminationOrTimeout(100)) {
                return;
            }
        }
        System.err.println("Stopping after the requested duration");
    }

    private static StreamingConf conf(String appName, Options options) {
        StreamingConf conf = new StreamingConf().setAppName(appName);
        if (options.bootstrapServers != null) {
            conf.setBootstrapServers(options.bootstrapServers);
        }
        return conf;
    }

    private static String camelCase(String example) {
        StringBuilder name = new StringBuilder();
        for (String part : example.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private static List<String> bundledText() {
        try (InputStream in = Objects.requireNonNull(Launcher.class.getResourceAsStream(BUNDLED_TEXT), BUNDLED_TEXT);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readText(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read --text " + file + ": " + e.getMessage(), e);
        }
    }

    /** The command line, checked. */
    private static final class Options {
        private String example;
        private String bootstrapServers;
        private long durationSeconds = 120;
        private Path text;
        private long delayMs = 40;

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("Name an example to run");
            }
            Options options = new Options();
            options.example = args[0];
            if (!SOCKET_EXAMPLES.containsKey(options.example) && !OTHER_EXAMPLES.contains(options.example)) {
                throw new IllegalArgumentException("Unknown example: " + args[0]);
            }
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--bootstrap-servers" -> options.bootstrapServers = value;
                    case "--duration" -> options.durationSeconds = positive(args[i], value);
                    case "--text" -> options.text = Path.of(value);
                    case "--delay-ms" -> options.delayMs = positive(args[i], value);
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
            return options;
        }

        private static long positive(String option, String value) {
            try {
                long number = Long.parseLong(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number, got '" + value + "'");
        }
    }
}
