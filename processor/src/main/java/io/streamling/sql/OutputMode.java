package io.streamling.sql;

/** Spark's output modes, as objects; {@code writeStream().outputMode(...)} takes their names. */
public enum OutputMode {
    /** Only new rows. */
    Append,
    /** The whole result every trigger. */
    Complete,
    /** The rows that changed. */
    Update;

    /** Spark's factory method name. */
    public static OutputMode Append() {
        return Append;
    }

    /** Spark's factory method name. */
    public static OutputMode Complete() {
        return Complete;
    }

    /** Spark's factory method name. */
    public static OutputMode Update() {
        return Update;
    }

    /** The name {@code outputMode(String)} takes: {@code append}, {@code complete}, {@code update}. */
    public String modeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
