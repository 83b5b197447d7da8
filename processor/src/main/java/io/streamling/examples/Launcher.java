package io.streamling.examples;

import io.streamling.connect.socket.tools.LineServer;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.Time;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code ./streamling} launcher: runs an example end to end, with nothing installed.
 *
 * <pre>
 * streamling network-word-count [--bootstrap-servers HOST:PORT] [--duration SECONDS]
 *                               [--text FILE] [--delay-ms MS]
 * </pre>
 *
 * <p>{@code network-word-count} serves a text line by line on a local TCP port (the seed's TCP
 * producer), runs {@link NetworkWordCount} on it in one-second batches — on an embedded Kafka
 * broker unless {@code --bootstrap-servers} names a cluster — prints each batch's counts as Spark
 * does and writes them to the topic {@code NetworkWordCount-counts}. It stops by itself once the
 * batches holding the whole text have been printed, or after {@code --duration} seconds.
 */
public final class Launcher {

    private static final String USAGE = """
            Usage: streamling network-word-count [--bootstrap-servers HOST:PORT] [--duration SECONDS]
                                                 [--text FILE] [--delay-ms MS]""";
    private static final String BUNDLED_TEXT = "/texts/alice-chapter-1.txt";
    private static final long BATCH_MS = 1_000;

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
        runNetworkWordCount(options);
    }

    private static void runNetworkWordCount(Options options) throws InterruptedException {
        List<String> text = options.text == null ? bundledText() : readText(options.text);
        StreamingConf conf = new StreamingConf().setAppName("NetworkWordCount");
        if (options.bootstrapServers != null) {
            conf.setBootstrapServers(options.bootstrapServers);
        }
        AtomicLong lastBatchPrinted = new AtomicLong(Long.MIN_VALUE);
        try (LineServer server = LineServer.serve(text, 0, Duration.ofMillis(options.delayMs));
             JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1))) {
            System.err.printf("Serving %d lines on 127.0.0.1:%d%n", text.size(), server.port());
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(Time batchTime, long numRecords) {
                    lastBatchPrinted.accumulateAndGet(batchTime.milliseconds(), Math::max);
                }
            });
            NetworkWordCount.wordCounts(ssc.socketTextStream("127.0.0.1", server.port())).to("NetworkWordCount-counts");
            ssc.start();
            System.err.println("Running on " + ssc.bootstrapServers() + "; counts also go to topic NetworkWordCount-counts");
            Instant deadline = Instant.now().plusSeconds(options.durationSeconds);
            awaitTextPrinted(ssc, server, lastBatchPrinted, deadline);
        }
    }

    /** Waits until the batch after the one holding the last line has been printed, or the deadline. */
    private static void awaitTextPrinted(JavaStreamingContext ssc, LineServer server, AtomicLong lastBatchPrinted,
                                         Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Instant lastLine = server.lastLineSentAt();
            // the connector stamps a line when it reads it, a moment after it was sent: one more batch covers that
            if (lastLine != null && lastBatchPrinted.get() >= lastLine.toEpochMilli() + 2 * BATCH_MS) {
                return;
            }
            if (ssc.awaitTerminationOrTimeout(100)) {
                return;
            }
        }
        System.err.println("Stopping after the requested duration");
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
        private String bootstrapServers;
        private long durationSeconds = 120;
        private Path text;
        private long delayMs = 40;

        static Options parse(String[] args) {
            if (args.length == 0 || !args[0].equals("network-word-count")) {
                throw new IllegalArgumentException(args.length == 0 ? "Name an example to run"
                        : "Unknown example: " + args[0]);
            }
            Options options = new Options();
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
