package io.streamling.internal.runner;

import io.streamling.internal.planner.PlannerSettings;
import io.streamling.internal.runtime.BatchClock;
import io.streamling.internal.runtime.ProgressPolicy;
import io.streamling.internal.runtime.RecordErrorPolicy;
import io.streamling.internal.runtime.RuntimeServices;
import io.streamling.streaming.StreamingConf;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link StreamingConf} checked once, at the start: every bad value fails here, naming its key.
 *
 * @param appId the application id
 * @param bootstrapServers the cluster, or empty for the embedded default
 * @param idleTimeoutMs see {@link StreamingConf#IDLE_TIMEOUT_MS}
 * @param allowedLatenessMs see {@link StreamingConf#ALLOWED_LATENESS_MS}
 * @param maxEmptyBatches see {@link StreamingConf#MAX_EMPTY_BATCHES}
 * @param stateDir see {@link StreamingConf#STATE_DIR}
 * @param lateTopic see {@link StreamingConf#LATE_TOPIC}
 * @param errorPolicy see {@link StreamingConf#RECORD_ERROR_POLICY}
 * @param deadLetterTopic see {@link StreamingConf#DEAD_LETTER_TOPIC}
 * @param streamsOverrides every other key, for Kafka Streams
 */
public record RuntimeSettings(String appId, Optional<String> bootstrapServers, long idleTimeoutMs, long allowedLatenessMs,
                              long maxEmptyBatches, Optional<Path> stateDir, Optional<String> lateTopic,
                              RecordErrorPolicy errorPolicy, Optional<String> deadLetterTopic,
                              Map<String, String> streamsOverrides) {

    private static final Pattern LEGAL_APP_ID = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Set<String> OWN_KEYS = Set.of(StreamingConf.APP_NAME, StreamingConf.IDLE_TIMEOUT_MS,
            StreamingConf.MAX_EMPTY_BATCHES, StreamingConf.STATE_DIR, StreamingConf.LATE_TOPIC,
            StreamingConf.RECORD_ERROR_POLICY, StreamingConf.DEAD_LETTER_TOPIC, StreamingConf.ALLOWED_LATENESS_MS);
    private static final long DEFAULT_MAX_EMPTY_BATCHES = 1_000;

    /** Checks {@code conf}; throws {@link IllegalArgumentException} naming the first bad key. */
    public static RuntimeSettings from(StreamingConf conf) {
        Map<String, String> all = conf.getAll();
        for (String key : all.keySet()) {
            if (key.startsWith("streamling.") && !OWN_KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown configuration key " + key + "; Streamling's keys are "
                        + String.join(", ", OWN_KEYS.stream().sorted().toList()));
            }
        }
        String appId = conf.get(StreamingConf.APP_NAME).orElseThrow(() -> new IllegalArgumentException(
                "An application name must be set in your configuration (" + StreamingConf.APP_NAME + ")"));
        if (!LEGAL_APP_ID.matcher(appId).matches()) {
            throw new IllegalArgumentException(StreamingConf.APP_NAME + " must use only letters, digits, '.', '_' and '-'"
                    + " (it names Kafka topics), got '" + appId + "'");
        }
        Map<String, String> streams = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (!key.startsWith("streamling.") && !key.equals(StreamingConf.BOOTSTRAP_SERVERS)) {
                streams.put(key, value);
            }
        });
        RecordErrorPolicy errorPolicy = conf.get(StreamingConf.RECORD_ERROR_POLICY).map(RecordErrorPolicy::parse)
                .orElse(RecordErrorPolicy.FAIL);
        Optional<String> deadLetterTopic = conf.get(StreamingConf.DEAD_LETTER_TOPIC).filter(topic -> !topic.isBlank());
        if (errorPolicy == RecordErrorPolicy.DEAD_LETTER && deadLetterTopic.isEmpty()) {
            throw new IllegalArgumentException(StreamingConf.DEAD_LETTER_TOPIC + " must be set when "
                    + StreamingConf.RECORD_ERROR_POLICY + " is dead-letter");
        }
        return new RuntimeSettings(appId,
                conf.get(StreamingConf.BOOTSTRAP_SERVERS).filter(servers -> !servers.isBlank()),
                positiveLong(conf, StreamingConf.IDLE_TIMEOUT_MS, StreamingConf.IDLE_TIMEOUT_MS_DEFAULT),
                nonNegativeLong(conf, StreamingConf.ALLOWED_LATENESS_MS),
                positiveLong(conf, StreamingConf.MAX_EMPTY_BATCHES, DEFAULT_MAX_EMPTY_BATCHES),
                conf.get(StreamingConf.STATE_DIR).map(Path::of),
                conf.get(StreamingConf.LATE_TOPIC).filter(topic -> !topic.isBlank()),
                errorPolicy, deadLetterTopic,
                Map.copyOf(streams));
    }

    /**
     * What the planner needs from these settings, with the source partition counts found at start;
     * {@code oneTaskPerStep} for a topology to run in {@code TopologyTestDriver}.
     */
    public PlannerSettings plannerSettings(BatchClock clock, Map<String, Integer> sourcePartitions,
                                           RuntimeServices services, boolean oneTaskPerStep) {
        return new PlannerSettings(clock, new ProgressPolicy(idleTimeoutMs, allowedLatenessMs), maxEmptyBatches,
                sourcePartitions, lateTopic, errorPolicy, deadLetterTopic, services, oneTaskPerStep);
    }

    private static long nonNegativeLong(StreamingConf conf, String key) {
        String text = conf.get(key).orElse("0");
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(key + " must be a whole number of 0 or more, got '" + text + "'");
    }

    private static long positiveLong(StreamingConf conf, String key, long defaultValue) {
        String text = conf.get(key).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, got '" + text + "'");
    }
}
