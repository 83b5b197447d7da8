package io.streamling.sql;

/** A query Spark would reject before running it (unsupported output mode, unknown column…). */
public class AnalysisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An analysis error with Spark's message. */
    public AnalysisException(String message) {
        super(message);
    }
}
