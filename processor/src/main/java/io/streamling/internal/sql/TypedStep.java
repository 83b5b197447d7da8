package io.streamling.internal.sql;

import io.streamling.StreamlingException;
import io.streamling.sql.Encoder;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A typed Dataset's {@code map}, {@code flatMap} or {@code filter}: each row becomes its object
 * ({@code in}'s conversion, or the row itself for a DataFrame), the user's function runs, and each
 * result becomes a row of {@code out}'s schema.
 *
 * @param in how rows become the function's input; null for rows as they are
 * @param function the user's function, as a function from one input to its outputs
 * @param out how results become rows
 * @param name the operation, for errors
 */
public record TypedStep(Encoder<Object> in, Body function, Encoder<Object> out, String name) implements RowOp {

    /** A user function as a function from one input to its outputs. */
    @FunctionalInterface
    public interface Body extends Serializable {
        /** The outputs for {@code value}. */
        Iterator<Object> call(Object value) throws Exception;
    }

    @Override
    public StructType outSchema() {
        return out.schema();
    }

    @Override
    public List<Row> apply(Row row) {
        Object value = in == null ? row : in.fromRow(row);
        Iterator<Object> results;
        try {
            results = function.call(value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException("User function of " + name + " failed on " + value + ": " + e, e);
        }
        List<Row> rows = new ArrayList<>();
        results.forEachRemaining(result -> rows.add(out.toRow(result)));
        return rows;
    }
}
