package io.streamling.connect.socket;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Builds the JDK's {@link SSLContext} from the Kafka-style {@code ssl.*} keys and applies them to
 * sockets. No TLS library beyond the JDK: key and trust stores are PKCS12 or JKS files.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * @return an initialised context: key managers from the key store (if set), trust managers from the
     *         trust store (if set, else the JDK's default trust store)
     * @throws ConfigException naming the key whose file, password or protocol is unusable
     */
    static SSLContext create(SocketSourceConfig config) {
        KeyManager[] keyManagers = null;
        if (config.sslKeystoreLocation() != null) {
            KeyStore keyStore = load(config.sslKeystoreType(), config.sslKeystoreLocation(),
                config.sslKeystorePassword(), SocketSourceConfig.SSL_KEYSTORE_LOCATION);
            Password keyPassword = config.sslKeyPassword() != null ? config.sslKeyPassword() : config.sslKeystorePassword();
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, chars(keyPassword));
                keyManagers = kmf.getKeyManagers();
            } catch (GeneralSecurityException e) {
                throw new ConfigException(SocketSourceConfig.SSL_KEY_PASSWORD, "[hidden]",
                    "cannot read the private key in " + config.sslKeystoreLocation() + ": " + e.getMessage());
            }
        }
        TrustManager[] trustManagers = null;
        if (config.sslTruststoreLocation() != null) {
            KeyStore trustStore = load(config.sslTruststoreType(), config.sslTruststoreLocation(),
                config.sslTruststorePassword(), SocketSourceConfig.SSL_TRUSTSTORE_LOCATION);
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore);
                trustManagers = tmf.getTrustManagers();
            } catch (GeneralSecurityException e) {
                throw new ConfigException(SocketSourceConfig.SSL_TRUSTSTORE_LOCATION, config.sslTruststoreLocation(),
                    "cannot be used as a trust store: " + e.getMessage());
            }
        }
        try {
            SSLContext context = SSLContext.getInstance(config.sslProtocol());
            context.init(keyManagers, trustManagers, null);
            enabledProtocols(context, config); // fail now, not at the first connection
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException(SocketSourceConfig.SSL_PROTOCOL, config.sslProtocol(),
                "not supported by this JVM: " + e.getMessage());
        }
    }

    /**
     * Wraps a connected plain socket for the client side and runs the handshake within the connect timeout.
     *
     * @throws IOException if the handshake fails (untrusted certificate, wrong name, not TLS, timeout)
     */
    static SSLSocket handshakeAsClient(SSLContext context, Socket plain, SocketSourceConfig config) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
            .createSocket(plain, config.host(), config.port(), true); // the host name also goes out as SNI
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(enabledProtocols(context, config));
        String algorithm = config.sslEndpointIdentificationAlgorithm();
        parameters.setEndpointIdentificationAlgorithm(algorithm.isEmpty() ? null : algorithm.toUpperCase(Locale.ROOT));
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(config.connectTimeoutMs());
        tls.startHandshake();
        tls.setSoTimeout(0);
        return tls;
    }

    /** @return an unbound TLS server socket with the configured protocols and client authentication */
    static ServerSocket serverSocket(SSLContext context, SocketSourceConfig config) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setEnabledProtocols(enabledProtocols(context, config));
        switch (config.sslClientAuth()) {
            case REQUIRED -> server.setNeedClientAuth(true);
            case REQUESTED -> server.setWantClientAuth(true);
            default -> server.setWantClientAuth(false);
        }
        return server;
    }

    private static String[] enabledProtocols(SSLContext context, SocketSourceConfig config) {
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        String[] enabled = config.sslEnabledProtocols().stream().filter(supported::contains).toArray(String[]::new);
        if (enabled.length == 0) {
            throw new ConfigException(SocketSourceConfig.SSL_ENABLED_PROTOCOLS, config.sslEnabledProtocols(),
                "none is supported by this JVM; supported: " + supported);
        }
        return enabled;
    }

    private static KeyStore load(String type, String location, Password password, String key) {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(key, location, "cannot be read as a " + type + " store: " + e.getMessage());
        }
    }

    private static char[] chars(Password password) {
        return password == null ? null : password.value().toCharArray();
    }
}
