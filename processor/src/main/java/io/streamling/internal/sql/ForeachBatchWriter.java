package io.streamling.internal.sql;

import io.streamling.StreamlingException;
import io.streamling.sql.Row;
import java.util.List;

/** The foreachBatch sink: the user's function gets each micro-batch as a static Dataset and its id. */
final class ForeachBatchWriter implements BatchWriter {

    private final WriteSpec spec;

    ForeachBatchWriter(WriteSpec spec) {
        this.spec = spec;
    }

    @Override
    public String description() {
        return "ForeachBatchSink";
    }

    @Override
    public void write(long batchId, List<Row> rows) {
        try {
            spec.batchFunction().call(spec.session().createDataFrame(List.copyOf(rows), spec.schema()), batchId);
        } catch (StreamlingException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException("foreachBatch function failed on batch " + batchId + ": " + e, e);
        }
    }
}
