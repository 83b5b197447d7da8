package io.streamling.connect.socket.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that serves a text line by line: the {@code nc -lk 9999} of the Spark tutorials, in Java.
 *
 * <p>Every client that connects gets the whole text from the first line, in its own thread, each line
 * followed by {@code \n}, optionally with a delay between lines. Lines are sent as bytes: a file is
 * served exactly as stored (a {@code \r\n} file keeps its {@code \r}, invalid UTF-8 stays invalid); a
 * list of Strings is encoded as UTF-8.
 *
 * <p>With {@code keepOpen} (the default, like {@code nc -lk}) a client's connection stays open after
 * the last line until the client or the server closes it, so a reconnecting client such as
 * {@code SocketSourceTask} does not see EOF and fetch the text again and again. Without it the server
 * closes each connection after the last line.
 *
 * <p>Binds 127.0.0.1; port 0 picks a free port ({@link #port()}). Thread-safe. Depends on nothing but
 * slf4j-api, so it runs without the Kafka jars on the class path.
 */
public final class LineServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LineServer.class);

    private final List<byte[]> lines;
    private final Duration delay;
    private final boolean keepOpen;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstClientServed = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong clientCount = new AtomicLong();
    private final AtomicReference<Instant> lastLineSentAt = new AtomicReference<>();

    private LineServer(List<byte[]> lines, int port, Duration delay, boolean keepOpen) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delayBetweenLines must be >= 0, got " + delay);
        }
        this.lines = List.copyOf(lines);
        this.delay = delay;
        this.keepOpen = keepOpen;
        try {
            listener = new ServerSocket();
            // lets a test restart a server on the port a previous one just released (TIME_WAIT)
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        acceptor = new Thread(this::acceptLoop, "line-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Serves the given lines (UTF-8), keeping client connections open after the last line.
     *
     * @param lines             the text, one element per line, without terminators
     * @param port              TCP port on 127.0.0.1; 0 picks a free one
     * @param delayBetweenLines pause after each line ({@link Duration#ZERO} for none)
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static LineServer serve(List<String> lines, int port, Duration delayBetweenLines) {
        return serve(lines, port, delayBetweenLines, true);
    }

    /**
     * Like {@link #serve(List, int, Duration)}, choosing whether connections stay open after the last line.
     *
     * @param lines             the text, one element per line, without terminators
     * @param port              TCP port on 127.0.0.1; 0 picks a free one
     * @param delayBetweenLines pause after each line ({@link Duration#ZERO} for none)
     * @param keepOpen          true to keep each connection open after the text (like {@code nc -lk});
     *                          false to close it
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static LineServer serve(List<String> lines, int port, Duration delayBetweenLines, boolean keepOpen) {
        List<byte[]> encoded = new ArrayList<>(lines.size());
        for (String line : lines) {
            encoded.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return new LineServer(encoded, port, delayBetweenLines, keepOpen);
    }

    /**
     * Serves a file's lines byte for byte, keeping client connections open after the last line.
     * The file is read once, up front; a final line without {@code \n} is sent with one.
     *
     * @param file              the text to serve
     * @param port              TCP port on 127.0.0.1; 0 picks a free one
     * @param delayBetweenLines pause after each line ({@link Duration#ZERO} for none)
     * @return the running server
     * @throws UncheckedIOException if the file cannot be read or the port cannot be bound
     */
    public static LineServer serve(Path file, int port, Duration delayBetweenLines) {
        return serve(file, port, delayBetweenLines, true);
    }

    /**
     * Like {@link #serve(Path, int, Duration)}, choosing whether connections stay open after the last line.
     *
     * @param file              the text to serve
     * @param port              TCP port on 127.0.0.1; 0 picks a free one
     * @param delayBetweenLines pause after each line ({@link Duration#ZERO} for none)
     * @param keepOpen          true to keep each connection open after the text (like {@code nc -lk});
     *                          false to close it
     * @return the running server
     * @throws UncheckedIOException if the file cannot be read or the port cannot be bound
     */
    public static LineServer serve(Path file, int port, Duration delayBetweenLines, boolean keepOpen) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new LineServer(splitLines(content), port, delayBetweenLines, keepOpen);
    }

    /** @return the bound port (the chosen one when 0 was asked for) */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Waits until one client has been sent every line and the stream was flushed.
     *
     * @param timeout how long to wait at most
     * @return true once that happened, false if the timeout elapsed first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitFirstClientServed(Duration timeout) throws InterruptedException {
        return firstClientServed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return lines written to client sockets so far, summed over all clients */
    public long linesSent() {
        return linesSent.get();
    }

    /** @return clients accepted so far */
    public long clientsAccepted() {
        return clientCount.get();
    }

    /**
     * @return wall-clock time the last line was written (and flushed) to the first client that was sent
     *         the whole text; null before that
     */
    public Instant lastLineSentAt() {
        return lastLineSentAt.get();
    }

    /** Closes the listener and every client connection. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        closeQuietly(listener);
        for (Socket client : clients) {
            closeQuietly(client);
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Command line: {@code --file F --port P [--delay-ms D] [--close-after-text]}. Prints
     * {@code Serving <file> on 127.0.0.1:<port>} to stderr and serves until killed. Bad arguments print
     * usage and exit with status 2.
     *
     * @param args command-line arguments
     * @throws InterruptedException if the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Path file = null;
        Integer port = null;
        long delayMs = 0;
        boolean keepOpen = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--file" -> file = Path.of(value(args, ++i, "--file"));
                    case "--port" -> port = (int) number(value(args, ++i, "--port"), "--port");
                    case "--delay-ms" -> delayMs = number(value(args, ++i, "--delay-ms"), "--delay-ms");
                    case "--close-after-text" -> keepOpen = false;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (file == null || port == null) {
                throw new IllegalArgumentException("--file and --port are required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println("Usage: LineServer --file F --port P [--delay-ms D] [--close-after-text]");
            System.exit(2);
            return;
        }
        LineServer server = serve(file, port, Duration.ofMillis(delayMs), keepOpen);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "line-server-shutdown"));
        System.err.println("Serving " + file + " on 127.0.0.1:" + server.port());
        server.closed.await();
    }

    // ---------------------------------------------------------------- internals

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got '" + text + "'");
        }
    }

    /** Splits on '\n', keeping every other byte (including '\r'); a trailing '\n' does not add an empty line. */
    static List<byte[]> splitLines(byte[] content) {
        List<byte[]> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                result.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        if (start < content.length) {
            result.add(Arrays.copyOfRange(content, start, content.length));
        }
        return result;
    }

    private void acceptLoop() {
        while (closed.getCount() > 0) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed.getCount() > 0) {
                    log.warn("LineServer on port {} stops accepting: {}", port(), e.toString());
                }
                return;
            }
            clients.add(client);
            if (closed.getCount() == 0) { // close() ran between accept and add: it did not see this client
                closeQuietly(client);
                return;
            }
            long n = clientCount.incrementAndGet();
            Thread t = new Thread(() -> serveClient(client), "line-server-" + port() + "-client-" + n);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serveClient(Socket client) {
        String who = client.getRemoteSocketAddress().toString();
        log.debug("LineServer on port {}: client {} connected", port(), who);
        try (client) {
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean paced = !delay.isZero();
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
                if (paced) {
                    out.flush(); // a paced line must reach the client now, not when the buffer fills
                }
                linesSent.incrementAndGet();
                if (paced && closed.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
            out.flush();
            if (firstClientServed.getCount() > 0 && lastLineSentAt.compareAndSet(null, Instant.now())) {
                firstClientServed.countDown();
            }
            log.debug("LineServer on port {}: sent {} lines to {}", port(), lines.size(), who);
            if (keepOpen) {
                // like nc -lk: no EOF for the client; hold the connection until the client closes it
                // (read returns -1) or close() closes the socket (read throws)
                InputStream in = client.getInputStream();
                byte[] ignored = new byte[1024];
                while (in.read(ignored) >= 0) {
                    // discard anything the client sends
                }
            }
        } catch (SocketException e) {
            log.debug("LineServer on port {}: client {} gone: {}", port(), who, e.getMessage());
        } catch (IOException e) {
            log.warn("LineServer on port {}: error serving {}", port(), who, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }
}
