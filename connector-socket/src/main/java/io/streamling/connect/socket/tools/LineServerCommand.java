package io.streamling.connect.socket.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Parses {@link LineServer}'s command line into a {@link LineServer.Builder}. */
final class LineServerCommand {

    static final String USAGE = String.join("\n",
        "Usage: LineServer --port P (--file F | --stdin | --generate N [--line-length L])",
        "                  [--rate LINES_PER_S | --delay-ms D] [--close-after-text]",
        "                  [--ssl-keystore F --ssl-keystore-password P [--ssl-keystore-type PKCS12|JKS]]",
        "  --file F         serve F to every client, from its first line",
        "  --stdin          broadcast standard input to the connected clients (waits for the first one)",
        "  --generate N     every client gets lines 1..N (0: endless), each --line-length bytes (default 16)",
        "  --rate R         R lines per second per client (default: as fast as TCP takes them)",
        "  --delay-ms D     D ms between lines (same as --rate 1000/D)",
        "  --close-after-text  close each connection after the last line (default: keep it open, like nc -lk)",
        "  --ssl-keystore F serve TLS with the certificate and key in F");

    private LineServerCommand() {
    }

    /**
     * @return a builder configured from {@code args}
     * @throws IllegalArgumentException for a missing, unknown or malformed argument
     */
    static LineServer.Builder parse(String[] args) {
        LineServer.Builder builder = LineServer.builder();
        Integer port = null;
        int sources = 0;
        long generate = -1;
        int lineLength = 16;
        String keystore = null;
        String keystorePassword = null;
        String keystoreType = "PKCS12";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = (int) number(value(args, ++i, "--port"), "--port");
                case "--file" -> {
                    builder.file(Path.of(value(args, ++i, "--file")));
                    sources++;
                }
                case "--stdin" -> {
                    builder.input(System.in);
                    sources++;
                }
                case "--generate" -> {
                    generate = number(value(args, ++i, "--generate"), "--generate");
                    sources++;
                }
                case "--line-length" -> lineLength = (int) number(value(args, ++i, "--line-length"), "--line-length");
                case "--rate" -> builder.rate(decimal(value(args, ++i, "--rate"), "--rate"));
                case "--delay-ms" -> builder.delay(Duration.ofMillis(number(value(args, ++i, "--delay-ms"),
                    "--delay-ms")));
                case "--close-after-text" -> builder.keepOpen(false);
                case "--ssl-keystore" -> keystore = value(args, ++i, "--ssl-keystore");
                case "--ssl-keystore-password" -> keystorePassword = value(args, ++i, "--ssl-keystore-password");
                case "--ssl-keystore-type" -> keystoreType = value(args, ++i, "--ssl-keystore-type");
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (port == null || sources != 1) {
            throw new IllegalArgumentException("--port and exactly one of --file, --stdin, --generate are required");
        }
        if (generate >= 0) {
            builder.generated(generate, lineLength);
        }
        builder.port(port);
        if (keystore != null) {
            builder.tls(serverContext(Path.of(keystore), keystoreType, keystorePassword));
        }
        return builder;
    }

    /** A TLS server context from a key store whose key has the store's password. */
    static SSLContext serverContext(Path keystore, String type, String password) {
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, secret);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key store " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use key store " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got '" + text + "'");
        }
    }

    private static double decimal(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
        }
    }
}
