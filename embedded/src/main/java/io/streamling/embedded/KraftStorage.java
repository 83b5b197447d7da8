package io.streamling.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats the log directories of a KRaft node, the in-process equivalent of
 * {@code kafka-storage.sh format}: a KRaft broker refuses to start on unformatted storage.
 */
final class KraftStorage {

    private KraftStorage() {
    }

    /** Formats every directory {@code config} uses, under a new random cluster id. */
    static void format(KafkaConfig config) {
        Formatter formatter = new Formatter()
                // the formatter reports progress on stdout; nobody reads it here
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(config.logDirs())
                .setMetadataLogDirectory(config.metadataLogDir())
                .setControllerListenerName(config.controllerListenerNames().get(0))
                // a production metadata version, never an unstable one that later releases may drop
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Cannot format KRaft storage in " + config.logDirs(), e);
        }
    }
}
