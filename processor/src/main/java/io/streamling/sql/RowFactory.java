package io.streamling.sql;

/** Creates rows from values, as Spark's {@code RowFactory}: the schema comes with {@code createDataFrame}. */
public final class RowFactory {

    private RowFactory() {
    }

    /** A row of these values, without a schema. */
    public static Row create(Object... values) {
        return Row.of(values);
    }
}
