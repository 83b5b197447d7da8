package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.List;

/**
 * A column expression, evaluated against a row that carries its schema. Implementations are
 * immutable values ({@link Exprs}).
 */
public interface Expr extends Serializable {

    /** The value for one row. */
    Object eval(Row row);

    /** The result type over input rows of {@code schema}. */
    DataType type(StructType schema);

    /** The column name Spark gives the result ({@code length(value)}, {@code window}…). */
    String name();

    /** Whether this produces several rows per input row (explode, a sliding window). */
    default boolean isGenerator() {
        return false;
    }

    /** For a generator: the values, one output row each. */
    default List<Object> generate(Row row) {
        return List.of(eval(row));
    }

    /** Whether this is an aggregate function (count, sum…). */
    default boolean isAggregate() {
        return false;
    }
}
