package io.streamling.connect.socket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The module version reported by {@link SocketSourceConnector#version()} and
 * {@link SocketSourceTask#version()}.
 *
 * <p>Read from {@code version.properties}, which Maven filters at build time. That works from the
 * IDE and from {@code target/classes} too, where a jar manifest's Implementation-Version does not
 * exist; the manifest is only the fallback.
 */
final class Version {

    private static final String RESOURCE = "version.properties";
    private static final String VERSION = load();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                String v = props.getProperty("version", "").trim();
                // an unfiltered file (e.g. resources copied by an IDE without filtering) still holds "${...}"
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }
}
