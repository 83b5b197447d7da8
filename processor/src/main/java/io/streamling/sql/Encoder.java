package io.streamling.sql;

import io.streamling.sql.types.StructType;
import java.io.Serializable;

/**
 * How values of a type become rows, as Spark's {@code Encoder}: built by {@link Encoders}.
 *
 * @param <T> the type
 */
public interface Encoder<T> extends Serializable {

    /** The schema of the rows. */
    StructType schema();

    /** The row of one value. */
    Row toRow(T value);

    /** The value of one row (what {@code collectAsList} returns). */
    T fromRow(Row row);
}
