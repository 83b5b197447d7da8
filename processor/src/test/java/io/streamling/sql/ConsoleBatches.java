package io.streamling.sql;

/** The console sink's output for the Structured tests' expectations, as Spark prints it. */
final class ConsoleBatches {

    private static final String HEADER = "-------------------------------------------\n";

    private ConsoleBatches() {
    }

    /** One micro-batch: the {@code Batch: id} banner, then the table's lines and a blank line. */
    static String batch(long id, String... table) {
        return HEADER + "Batch: " + id + "\n" + HEADER + String.join("\n", table) + "\n\n";
    }
}
