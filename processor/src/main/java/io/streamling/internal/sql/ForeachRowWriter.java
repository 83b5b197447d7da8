package io.streamling.internal.sql;

import io.streamling.StreamlingException;
import io.streamling.sql.ForeachWriter;
import io.streamling.sql.Row;
import java.util.List;

/**
 * The foreach sink: {@code open(0, batchId)}, {@code process} for each row if open said yes, then
 * {@code close(error or null)}; an error in open or process still closes, then fails the query.
 */
final class ForeachRowWriter implements BatchWriter {

    private final ForeachWriter<Row> writer;

    ForeachRowWriter(ForeachWriter<Row> writer) {
        this.writer = writer;
    }

    @Override
    public String description() {
        return "ForeachWriterTable";
    }

    @Override
    public void write(long batchId, List<Row> rows) {
        boolean open;
        try {
            open = writer.open(0, batchId);
            if (open) {
                rows.forEach(writer::process);
            }
        } catch (RuntimeException e) {
            writer.close(e);
            throw e instanceof StreamlingException ? e
                    : new StreamlingException("ForeachWriter failed on batch " + batchId + ": " + e, e);
        }
        writer.close(null);
    }
}
