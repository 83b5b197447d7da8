package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory sink (and {@code toTable}): a session table named after the query that each batch
 * appends to, or replaces in complete mode. It lives in memory: a restarted query starts it empty.
 */
final class MemoryWriter implements BatchWriter {

    private final WriteSpec spec;
    private final String table;
    private final List<Row> rows = new ArrayList<>();

    MemoryWriter(WriteSpec spec, String table) {
        this.spec = spec;
        this.table = table;
    }

    @Override
    public String description() {
        return "MemorySink";
    }

    @Override
    public void write(long batchId, List<Row> batch) {
        if (spec.outputMode().equals("complete")) {
            rows.clear();
        }
        rows.addAll(batch);
        SparkSession session = spec.session();
        session.registerTable(table, session.createDataFrame(List.copyOf(rows), spec.schema()));
    }
}
