package io.streamling.internal.sql;

import io.streamling.StreamlingException;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.types.StructType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each trigger's result to the console or to a memory table. Like Spark, a trigger without
 * new input is no micro-batch: nothing is written and the batch id does not advance. The batch id
 * lives in memory, so a restarted query counts from 0 again.
 */
final class TriggerSink {

    private static final String DASHES = "-------------------------------------------";

    private final WriteSpec spec;
    private final List<RowOp> after;
    private final boolean sorted;
    private final PrintStream console;
    private final List<Row> table = new ArrayList<>();
    private long batchId;
    /** Per step of {@code after}: the rows it let through so far (a streaming limit counts them). */
    private final long[] written;

    TriggerSink(WriteSpec spec, PrintStream console) {
        this.spec = spec;
        this.after = spec.plan().after();
        this.written = new long[after.size()];
        // group order in Spark follows hash partitions; sorting by key is the reproducible stand-in
        this.sorted = spec.plan().isStateful();
        this.console = console;
    }

    synchronized void accept(TriggerOutput output) {
        if (!output.hadInput()) {
            return;
        }
        List<Row> rows = new ArrayList<>(output.rows());
        if (sorted) {
            rows.sort(null);
        }
        for (int i = 0; i < after.size(); i++) {
            RowOp op = after.get(i);
            if (op instanceof BatchOp batchOp) {
                rows = new ArrayList<>(batchOp.applyBatch(rows, written[i], spec.outputMode().equals("complete")));
                written[i] += rows.size();
                continue;
            }
            List<Row> next = new ArrayList<>();
            rows.forEach(r -> next.addAll(op.apply(r)));
            rows = next;
        }
        if (spec.format().equals("console")) {
            printBatch(rows);
        } else if (spec.batchFunction() != null) {
            callBatchFunction(rows);
        } else {
            if (spec.outputMode().equals("complete")) {
                table.clear();
            }
            table.addAll(rows);
            SparkSession session = spec.session();
            session.registerTable(spec.queryName(), session.createDataFrame(List.copyOf(table), spec.schema()));
        }
        batchId++;
    }

    private void callBatchFunction(List<Row> rows) {
        try {
            spec.batchFunction().call(spec.session().createDataFrame(List.copyOf(rows), spec.schema()), batchId);
        } catch (StreamlingException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException("foreachBatch function failed on batch " + batchId + ": " + e, e);
        }
    }

    private void printBatch(List<Row> rows) {
        int numRows = Integer.parseInt(spec.options().getOrDefault("numRows", "20"));
        boolean truncate = Boolean.parseBoolean(spec.options().getOrDefault("truncate", "true"));
        StructType schema = spec.schema();
        console.println(DASHES);
        console.println("Batch: " + batchId);
        console.println(DASHES);
        console.println(ShowString.format(schema, rows, numRows, truncate ? 20 : 0, spec.session().timeZone()));
    }
}
