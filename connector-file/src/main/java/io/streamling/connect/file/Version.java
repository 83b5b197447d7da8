package io.streamling.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this plugin, from {@code version.properties} written by the build. */
final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /**
     * Returns the plugin version.
     *
     * @return the Maven project version, or {@code "unknown"} if the build did not record it
     */
    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
