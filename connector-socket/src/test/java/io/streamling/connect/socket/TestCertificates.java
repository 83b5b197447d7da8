package io.streamling.connect.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made by the JDK's own {@code keytool} binary (from {@code java.home}), once
 * per test JVM: a server certificate for {@code localhost} / {@code 127.0.0.1}, a client certificate,
 * and trust stores holding each, all PKCS12 with one password.
 *
 * <p>Why the binary and not {@code sun.security.tools.keytool} or BouncyCastle: the internal class is
 * not exported on every JDK, and the connector must not need a TLS library; the binary ships with
 * every JDK.
 */
public final class TestCertificates {

    /** Password of every store and key. */
    public static final String PASSWORD = "test-secret";

    private static TestCertificates instance;

    /** Key store with the server's key and certificate (SAN dns:localhost, ip:127.0.0.1). */
    public final Path serverKeystore;
    /** Trust store with the server's certificate. */
    public final Path serverTruststore;
    /** Key store with a client's key and certificate. */
    public final Path clientKeystore;
    /** Trust store with the client's certificate. */
    public final Path clientTruststore;
    /** Key store with a certificate nobody trusts. */
    public final Path strangerKeystore;

    private TestCertificates(Path dir) {
        serverKeystore = dir.resolve("server.p12");
        serverTruststore = dir.resolve("server-trust.p12");
        clientKeystore = dir.resolve("client.p12");
        clientTruststore = dir.resolve("client-trust.p12");
        strangerKeystore = dir.resolve("stranger.p12");
        generate("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", serverKeystore);
        trust("server", serverKeystore, dir.resolve("server.crt"), serverTruststore);
        generate("client", "CN=test-client", null, clientKeystore);
        trust("client", clientKeystore, dir.resolve("client.crt"), clientTruststore);
        generate("stranger", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", strangerKeystore);
    }

    /** @return the certificates, generated on first use into a temporary directory */
    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("streamling-tls-");
                dir.toFile().deleteOnExit();
                instance = new TestCertificates(dir);
                for (Path p : List.of(instance.serverKeystore, instance.serverTruststore, instance.clientKeystore,
                    instance.clientTruststore, instance.strangerKeystore)) {
                    p.toFile().deleteOnExit();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** @return connector keys for TLS in server mode with the server's certificate */
    public Map<String, String> serverModeProps() {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.SSL_ENABLED, "true");
        props.put(SocketSourceConfig.SSL_KEYSTORE_LOCATION, serverKeystore.toString());
        props.put(SocketSourceConfig.SSL_KEYSTORE_PASSWORD, PASSWORD);
        return props;
    }

    /** @return connector keys for TLS in client mode trusting the server's certificate */
    public Map<String, String> clientModeProps() {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.SSL_ENABLED, "true");
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION, serverTruststore.toString());
        props.put(SocketSourceConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);
        return props;
    }

    /**
     * @param keystore   key material to present, or null
     * @param truststore certificates to trust, or null for the JDK default
     * @return an initialised TLS context
     */
    public static SSLContext context(Path keystore, Path truststore) {
        try {
            KeyManagerFactory kmf = null;
            if (keystore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keystore), PASSWORD.toCharArray());
            }
            TrustManagerFactory tmf = null;
            if (truststore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(truststore));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path path) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void generate(String alias, String dname, String extension, Path keystore) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12",
            "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (extension != null) {
            args.add("-ext");
            args.add(extension);
        }
        keytool(args);
    }

    private static void trust(String alias, Path keystore, Path certificate, Path truststore) {
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(),
            "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
            "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
    }

    private static void keytool(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
