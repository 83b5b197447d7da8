package io.streamling.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a JFR recording: the {@code jdk.ExecutionSample} events (threads running
 * Java code) summarised as the threads, and — for the Kafka Streams stream thread, which does the
 * processing — the methods on top of the stack ("self"), the Streamling method nearest to the top
 * (which operator the time is spent for), and Streamling methods anywhere on the stack ("total",
 * once per sample). The same as reading {@code jfr print --events jdk.ExecutionSample}, counted.
 * {@code jdk.NativeMethodSample} events in RocksDB are counted apart: JNI time is not Java time.
 */
public final class JfrSummary {

    /** A method and its share of the samples. */
    public record Entry(String name, long samples) {
    }

    private static final String STREAM_THREAD = "Kafka Streams stream thread";
    private static final String NO_STREAMLING_FRAME = "(no Streamling frame: Kafka Streams / clients only)";

    private final long samples;
    private long streamThreadSamples;
    private long rocksDbNativeSamples;
    private final Map<String, Long> self = new HashMap<>();
    private final Map<String, Long> nearestStreamling = new HashMap<>();
    private final Map<String, Long> total = new HashMap<>();
    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Long> packages = new HashMap<>();

    private JfrSummary(Path recording, java.util.function.Predicate<String> focus) throws IOException {
        long count = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                if (type.equals("jdk.NativeMethodSample")) {
                    if (method(frames.get(0)).startsWith("org.rocksdb.")) {
                        rocksDbNativeSamples++;
                    }
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                count++;
                RecordedThread thread = event.getThread("sampledThread");
                String group = threadGroup(thread == null ? "?" : thread.getJavaName());
                threads.merge(group, 1L, Long::sum);
                if (focus.test(group)) {
                    streamThreadSamples++;
                    addStreamThreadSample(frames);
                }
            }
        }
        this.samples = count;
    }

    private void addStreamThreadSample(List<RecordedFrame> frames) {
        String top = method(frames.get(0));
        self.merge(top, 1L, Long::sum);
        packages.merge(area(top), 1L, Long::sum);
        String nearest = NO_STREAMLING_FRAME;
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String name = method(frame);
            if (nearest.equals(NO_STREAMLING_FRAME) && name.startsWith("io.streamling.") && !name.contains("Lambda")
                    && !name.contains(".lambda$")) {
                nearest = name;
            }
            if (seen.add(name)) {
                total.merge(name, 1L, Long::sum);
            }
        }
        nearestStreamling.merge(nearest, 1L, Long::sum);
    }

    /** Reads {@code recording}, looking into the stream threads' samples. */
    public static JfrSummary of(Path recording) throws IOException {
        return new JfrSummary(recording, STREAM_THREAD::equals);
    }

    /** Reads {@code recording}, looking into the samples of the thread kinds {@code focus} accepts. */
    static JfrSummary of(Path recording, java.util.function.Predicate<String> focus) throws IOException {
        return new JfrSummary(recording, focus);
    }

    /** Execution samples read. */
    public long samples() {
        return samples;
    }

    /** Execution samples of the threads looked into (the stream threads by default). */
    public long streamThreadSamples() {
        return streamThreadSamples;
    }

    /** The {@code n} Streamling methods nearest to the top of the stream thread's stacks. */
    public List<Entry> topNearestStreamling(int n) {
        return top(nearestStreamling, n, name -> true);
    }

    /** The {@code n} methods most often on top of the stack. */
    public List<Entry> topSelf(int n) {
        return top(self, n, name -> true);
    }

    /** The {@code n} methods whose name starts with {@code prefix} most often anywhere on the stack. */
    public List<Entry> topTotal(int n, String prefix) {
        return top(total, n, name -> name.startsWith(prefix));
    }

    /** Samples per code area (the package family of the method on top of the stack). */
    public List<Entry> areas() {
        return top(packages, packages.size(), name -> true);
    }

    /** Samples per thread kind. */
    public List<Entry> threads() {
        return top(threads, threads.size(), name -> true);
    }

    private static List<Entry> top(Map<String, Long> counts, int n, java.util.function.Predicate<String> keep) {
        return counts.entrySet().stream().filter(entry -> keep.test(entry.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(entry -> new Entry(entry.getKey(), entry.getValue())).toList();
    }

    /** {@code Class.method}, with the generated part of lambda class names dropped so they add up. */
    static String method(RecordedFrame frame) {
        return normalise(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
    }

    static String normalise(String method) {
        return method.replaceAll("\\$\\$Lambda\\$[0-9]+[^.]*(\\.[0-9]+)?", "\\$\\$Lambda");
    }

    /** Kafka Streams' threads are named {@code <client id>-StreamThread-<n>}: group them by kind. */
    private static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        if (name.contains("StreamThread")) {
            return STREAM_THREAD;
        }
        if (name.contains("producer-network-thread")) {
            return "producer network thread";
        }
        if (name.contains("consumer_background_thread") || name.contains("consumer-network")) {
            return "consumer background thread";
        }
        // Kafka Streams' other threads are named after the application id: keep only their kind
        return name.replaceAll("^bench-.*-([A-Za-z]+)(-[0-9]+)?$", "Kafka Streams $1").replaceAll("[0-9]+", "N");
    }

    private static String area(String method) {
        String[][] areas = {
                {"io.streamling.", "Streamling"},
                {"org.rocksdb.", "RocksDB (JNI)"},
                {"org.apache.kafka.streams.", "Kafka Streams"},
                {"org.apache.kafka.common.", "Kafka clients (common)"},
                {"org.apache.kafka.clients.", "Kafka clients"},
                {"java.", "JDK"},
                {"jdk.", "JDK"},
                {"sun.", "JDK"},
        };
        for (String[] area : areas) {
            if (method.startsWith(area[0])) {
                return area[1];
            }
        }
        return "other";
    }

    /** The summary as Markdown tables. */
    public String markdown(int n) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d execution samples (threads running Java code), %,d of them in the"
                + " stream thread; %,d native-method samples in RocksDB (JNI).%n%n", samples, streamThreadSamples,
                rocksDbNativeSamples));
        out.append("| thread | samples | share |\n|---|---:|---:|\n");
        threads().forEach(entry -> row(out, entry, samples));
        out.append("\nStream thread only from here on (shares of its samples).\n\n"
                + "| code area (method on top of the stack) | samples | share |\n|---|---:|---:|\n");
        areas().forEach(entry -> row(out, entry, streamThreadSamples));
        out.append("\n**For which Streamling operator** (the Streamling method nearest to the top of the stack):\n\n"
                + "| method | samples | share |\n|---|---:|---:|\n");
        topNearestStreamling(n).forEach(entry -> row(out, entry, streamThreadSamples));
        out.append("\n**Top methods, self** (on top of the stack):\n\n| method | samples | share |\n|---|---:|---:|\n");
        topSelf(n).forEach(entry -> row(out, entry, streamThreadSamples));
        out.append("\n**Streamling methods, total** (anywhere on the stack):\n\n"
                + "| method | samples | share |\n|---|---:|---:|\n");
        topTotal(n, "io.streamling.").forEach(entry -> row(out, entry, streamThreadSamples));
        return out.toString();
    }

    private static void row(StringBuilder out, Entry entry, long of) {
        out.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f %% |%n", entry.name(), entry.samples(),
                100.0 * entry.samples() / Math.max(1, of)));
    }

    /**
     * Prints the summary of a recording.
     *
     * @param args the recording, and optionally how many methods to list (default 25)
     * @throws IOException when the recording cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("Usage: JfrSummary RECORDING.jfr [TOP]");
            System.exit(2);
        }
        System.out.print(of(Path.of(args[0])).markdown(args.length > 1 ? Integer.parseInt(args[1]) : 25));
    }
}
