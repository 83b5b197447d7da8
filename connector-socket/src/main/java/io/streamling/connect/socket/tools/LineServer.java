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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that serves text line by line: the {@code nc -lk 9999} of the Spark tutorials, in Java,
 * for demos, tests and benchmarks.
 *
 * <p>It serves a list of lines or a file (every client gets the whole text from its first line, each
 * in its own thread), generated lines (every client gets its own numbered sequence, optionally
 * endless), or a stream such as standard input (read once; each line goes to the clients connected at
 * that moment, and reading waits for the first client so no line is lost before anyone listens).
 * Each line is followed by {@code \n}; lines are sent as bytes: a file is served exactly as stored
 * (a {@code \r\n} file keeps its {@code \r}, invalid UTF-8 stays invalid), Strings are encoded as UTF-8.
 * A rate (or a delay between lines) paces each client; unpaced, lines go out as fast as TCP takes them.
 *
 * <p>With {@code keepOpen} (the default, like {@code nc -lk}) a client's connection stays open after
 * the last line until the client or the server closes it, so a reconnecting client such as the socket
 * source does not see EOF and fetch the text again and again. Without it the server closes each
 * connection after the last line. Optionally TLS ({@link Builder#tls(SSLContext)}).
 *
 * <p>Binds 127.0.0.1; port 0 picks a free port ({@link #port()}). Thread-safe. Depends on nothing but
 * slf4j-api, so it runs without the Kafka jars on the class path. Command line: {@link #main}.
 */
public final class LineServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LineServer.class);
    private static final int WRITE_BUFFER = 64 * 1024;

    private final LineSource source;
    private final double linesPerSecond; // 0 = unpaced
    private final boolean keepOpen;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Map<Socket, OutputStream> clients = new ConcurrentHashMap<>();
    private final CountDownLatch firstClientConnected = new CountDownLatch(1);
    private final CountDownLatch firstClientServed = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final LongAdder linesSent = new LongAdder();
    private final AtomicLong clientCount = new AtomicLong();
    private final AtomicReference<Instant> lastLineSentAt = new AtomicReference<>();

    private LineServer(Builder b) {
        this.source = Objects.requireNonNull(b.source, "no content: call lines(), file(), input() or generated()");
        this.linesPerSecond = b.linesPerSecond;
        this.keepOpen = b.keepOpen;
        try {
            listener = b.tls != null ? b.tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
            // lets a test restart a server on the port a previous one just released (TIME_WAIT)
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + b.port, e);
        }
        acceptor = daemon(this::acceptLoop, "line-server-" + listener.getLocalPort());
        acceptor.start();
        if (source instanceof LineSource.Stream stream) {
            daemon(() -> broadcast(stream), "line-server-" + port() + "-input").start();
        }
    }

    /** @return a builder for any content, rate, TLS and keep-open setting */
    public static Builder builder() {
        return new Builder();
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
        return builder().lines(lines).port(port).delay(delayBetweenLines).keepOpen(keepOpen).start();
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
        return builder().file(file).port(port).delay(delayBetweenLines).keepOpen(keepOpen).start();
    }

    /**
     * The line the generator sends as number {@code n}, so tests and benchmarks can check what arrived.
     *
     * @param n          the line number, from 1
     * @param lineLength the generator's line length in bytes
     * @return the line, without the newline
     */
    public static String generatedLine(long n, int lineLength) {
        return new String(LineSource.Generated.line(n, lineLength), StandardCharsets.US_ASCII);
    }

    /** @return the bound port (the chosen one when 0 was asked for) */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Waits until one client has been sent every line and the stream was flushed (for a stream source:
     * until the stream ended).
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
        return linesSent.sum();
    }

    /** @return clients accepted so far */
    public long clientsAccepted() {
        return clientCount.get();
    }

    /** @return clients connected now */
    public int clientsConnected() {
        return clients.size();
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
        for (Socket client : clients.keySet()) {
            closeQuietly(client);
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Command line; see {@link LineServerCommand#USAGE}. Prints {@code Serving <what> on 127.0.0.1:<port>}
     * to stderr and serves until killed (or, for a stream without keep-open, until it ends). Bad
     * arguments print the usage and exit with status 2.
     *
     * @param args command-line arguments
     * @throws InterruptedException if the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder;
        try {
            builder = LineServerCommand.parse(args);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(LineServerCommand.USAGE);
            System.exit(2);
            return;
        }
        LineServer server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "line-server-shutdown"));
        System.err.println("Serving " + server.source.describe() + " on 127.0.0.1:" + server.port());
        server.closed.await();
    }

    // ---------------------------------------------------------------- internals

    /** @return lines from a file, split on '\n' (see {@link LineSource#splitLines}) */
    static List<byte[]> splitLines(byte[] content) {
        return LineSource.splitLines(content);
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
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
            OutputStream out;
            try {
                out = new BufferedOutputStream(client.getOutputStream(), WRITE_BUFFER);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            clients.put(client, out);
            if (closed.getCount() == 0) { // close() ran between accept and put: it did not see this client
                closeQuietly(client);
                return;
            }
            long n = clientCount.incrementAndGet();
            daemon(() -> serveClient(client, out), "line-server-" + port() + "-client-" + n).start();
        }
    }

    private void serveClient(Socket client, OutputStream out) {
        String who = String.valueOf(client.getRemoteSocketAddress());
        log.debug("LineServer on port {}: client {} connected", port(), who);
        try (client) {
            if (source instanceof LineSource.Stream) {
                firstClientConnected.countDown(); // the broadcast thread writes; this one only waits for EOF
                holdOpen(client);
                return;
            }
            Iterator<byte[]> lines = source instanceof LineSource.Text text
                ? text.iterator() : ((LineSource.Generated) source).iterator();
            if (!send(lines, out)) {
                return;
            }
            out.flush();
            markServed();
            log.debug("LineServer on port {}: sent every line to {}", port(), who);
            if (keepOpen) {
                holdOpen(client);
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

    /** @return false if the server closed before every line was sent */
    private boolean send(Iterator<byte[]> lines, OutputStream out) throws IOException, InterruptedException {
        Pacer pacer = linesPerSecond > 0 ? new Pacer(linesPerSecond, closed) : null;
        for (long i = 0; lines.hasNext(); i++) {
            if (pacer != null && !pacer.awaitTurn(i, out)) {
                return false;
            }
            byte[] line = lines.next();
            out.write(line);
            out.write('\n');
            linesSent.increment();
            if (closed.getCount() == 0) {
                return false;
            }
        }
        return true;
    }

    private void markServed() {
        if (firstClientServed.getCount() > 0 && lastLineSentAt.compareAndSet(null, Instant.now())) {
            firstClientServed.countDown();
        }
    }

    /**
     * Like nc -lk: no EOF for the client; hold the connection until the client closes it (read returns
     * -1) or close() closes the socket (read throws). Anything the client sends is discarded.
     */
    private static void holdOpen(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        byte[] ignored = new byte[1024];
        while (in.read(ignored) >= 0) {
            // discard
        }
    }

    /** Reads the stream once and writes each line to every client connected at that moment. */
    private void broadcast(LineSource.Stream stream) {
        try {
            firstClientConnected.await(); // nobody to send to yet: do not consume input that would be lost
            LineSource.StreamLines lines = new LineSource.StreamLines(stream.in());
            Pacer pacer = linesPerSecond > 0 ? new Pacer(linesPerSecond, closed) : null;
            byte[] line;
            for (long i = 0; closed.getCount() > 0 && (line = lines.next()) != null; i++) {
                if (pacer != null && !pacer.awaitTurn(i, this::flushAll)) {
                    return;
                }
                for (Map.Entry<Socket, OutputStream> client : clients.entrySet()) {
                    writeOrDrop(client.getKey(), client.getValue(), line);
                }
                if (!lines.moreAvailable()) {
                    flushAll(); // typed input must show up now; piped input is flushed by the buffer
                }
            }
            flushAll();
            markServed();
            if (!keepOpen) {
                for (Socket client : clients.keySet()) {
                    closeQuietly(client);
                }
            }
        } catch (IOException e) {
            log.warn("LineServer on port {}: cannot read its input: {}", port(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeOrDrop(Socket client, OutputStream out, byte[] line) {
        try {
            out.write(line);
            out.write('\n');
            linesSent.increment();
        } catch (IOException e) {
            clients.remove(client);
            closeQuietly(client);
        }
    }

    private void flushAll() {
        for (Map.Entry<Socket, OutputStream> client : clients.entrySet()) {
            try {
                client.getValue().flush();
            } catch (IOException e) {
                clients.remove(client.getKey());
                closeQuietly(client.getKey());
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    /** Configures a {@link LineServer}: exactly one content source, then port, pacing, TLS. */
    public static final class Builder {
        private LineSource source;
        private int port;
        private double linesPerSecond;
        private boolean keepOpen = true;
        private SSLContext tls;

        private Builder() {
        }

        /**
         * @param lines the text, one element per line without terminators, sent as UTF-8 to every client
         * @return this builder
         */
        public Builder lines(List<String> lines) {
            List<byte[]> encoded = new ArrayList<>(lines.size());
            for (String line : lines) {
                encoded.add(line.getBytes(StandardCharsets.UTF_8));
            }
            return source(new LineSource.Text(List.copyOf(encoded), lines.size() + " lines"));
        }

        /**
         * @param file a file read once, now, and served byte for byte to every client
         * @return this builder
         * @throws UncheckedIOException if the file cannot be read
         */
        public Builder file(Path file) {
            try {
                return source(new LineSource.Text(LineSource.splitLines(Files.readAllBytes(file)), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }

        /**
         * @param in a stream read once (e.g. {@code System.in}); each line goes to the clients connected then
         * @return this builder
         */
        public Builder input(InputStream in) {
            return source(new LineSource.Stream(Objects.requireNonNull(in), "input stream"));
        }

        /**
         * @param count      lines per client, {@code <= 0} for no end
         * @param lineLength bytes per line (the number is padded with " xxx..."); shorter than the number
         *                   means just the number
         * @return this builder
         * @see #generatedLine(long, int)
         */
        public Builder generated(long count, int lineLength) {
            return source(new LineSource.Generated(count, lineLength));
        }

        private Builder source(LineSource s) {
            if (source != null) {
                throw new IllegalArgumentException("content is already set to " + source.describe());
            }
            source = s;
            return this;
        }

        /**
         * @param port TCP port on 127.0.0.1, 0..65535; 0 (the default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param linesPerSecond lines per second per client, > 0; 0 for as fast as possible (the default)
         * @return this builder
         */
        public Builder rate(double linesPerSecond) {
            if (linesPerSecond < 0 || Double.isNaN(linesPerSecond) || Double.isInfinite(linesPerSecond)) {
                throw new IllegalArgumentException("rate must be >= 0 lines/s, got " + linesPerSecond);
            }
            this.linesPerSecond = linesPerSecond;
            return this;
        }

        /**
         * @param delayBetweenLines pause between lines ({@link Duration#ZERO} for none); the same as
         *                          {@code rate(1 s / delay)}
         * @return this builder
         */
        public Builder delay(Duration delayBetweenLines) {
            if (delayBetweenLines == null || delayBetweenLines.isNegative()) {
                throw new IllegalArgumentException("delayBetweenLines must be >= 0, got " + delayBetweenLines);
            }
            return rate(delayBetweenLines.isZero() ? 0 : 1e9 / delayBetweenLines.toNanos());
        }

        /**
         * @param keepOpen true (the default) to keep each connection open after the last line, like
         *                 {@code nc -lk}; false to close it
         * @return this builder
         */
        public Builder keepOpen(boolean keepOpen) {
            this.keepOpen = keepOpen;
            return this;
        }

        /**
         * @param context serve TLS with this context's key material (its key managers must hold a certificate)
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * @return the running server
         * @throws UncheckedIOException if the port cannot be bound
         */
        public LineServer start() {
            return new LineServer(this);
        }
    }
}
