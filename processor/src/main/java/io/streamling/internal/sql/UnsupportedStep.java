package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.util.List;

/**
 * A step Spark accepts while building the Dataset but rejects when the query starts (an
 * unsupported stream-static join): {@code start()} raises {@code message}.
 */
public record UnsupportedStep(String message, StructType outSchema) implements RowOp {

    @Override
    public List<Row> apply(Row row) {
        throw new AnalysisException(message);
    }
}
