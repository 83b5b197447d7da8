package io.streamling.internal.runtime;

import java.util.Arrays;
import java.util.Locale;

/** What happens to an element whose user function throws ({@code streamling.record.error.policy}). */
public enum RecordErrorPolicy {
    /** Stop the program with the error (the default, as Spark fails the job). */
    FAIL,
    /** Drop the element, count it per operator and log a periodic summary. */
    SKIP,
    /** Write the element to the dead-letter topic with the error in headers, and count it. */
    DEAD_LETTER;

    /** The policy named {@code fail}, {@code skip} or {@code dead-letter}. */
    public static RecordErrorPolicy parse(String name) {
        for (RecordErrorPolicy policy : values()) {
            if (policy.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("streamling.record.error.policy must be one of "
                + Arrays.stream(values()).map(RecordErrorPolicy::configName).toList() + ", got '" + name + "'");
    }

    /** The name used in configuration. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
