package io.streamling.benchmarks;

/**
 * Follows one run's output topic and compares it with the result computed from the input: it
 * says when the output is complete (the run's end time), how much of the expected result is
 * missing, and the output's order-independent checksum next to the expected one.
 *
 * <p>Implementations normalise each side's records (time stamps, keys) into facts and ignore
 * what is not part of the result: end-marker words and windows after the data.
 */
public interface OutputCheck {

    /**
     * Takes one output record.
     *
     * @return true when it changed the result seen so far (so its arrival counts for timing)
     */
    boolean accept(long timestamp, String key, String value);

    /** True once everything expected has been seen with its expected value. */
    boolean complete();

    /** Expected units (records, or counts) not seen: words dropped as late show up here. */
    long missing();

    /** Checksum of the result seen. */
    String checksum();

    /** Checksum of the expected result. */
    String expectedChecksum();

    /** True when the result seen is exactly the expected one. */
    default boolean exact() {
        return checksum().equals(expectedChecksum());
    }
}
