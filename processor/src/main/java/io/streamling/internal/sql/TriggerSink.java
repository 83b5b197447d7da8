package io.streamling.internal.sql;

import io.streamling.StreamlingException;
import io.streamling.sql.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each trigger's micro-batch into the sink. Like Spark, a trigger without new input is no
 * micro-batch: nothing is written and the batch id does not advance (the observer hears it as
 * idle). After the writer returns, the batch is committed to the batch log (the checkpoint, when
 * there is one), then reported to the observer.
 */
final class TriggerSink {

    private final List<RowOp> after;
    private final boolean sorted;
    private final boolean complete;
    private final BatchWriter writer;
    private final BatchObserver observer;
    private final BatchLog log;
    /** Per step of {@code after}: the rows it let through so far (a streaming limit counts them). */
    private final long[] written;

    TriggerSink(WriteSpec spec, SinkContext context) {
        this.after = spec.plan().after();
        this.written = new long[after.size()];
        // group order in Spark follows hash partitions; sorting by key is the reproducible stand-in
        this.sorted = spec.plan().isStateful();
        this.complete = spec.outputMode().equals("complete");
        this.writer = Sinks.create(spec, context.console());
        this.observer = context.observer();
        this.log = context.log();
        context.register(writer);
    }

    synchronized void accept(TriggerOutput output) {
        if (!output.hadInput()) {
            observer.idle(output.time());
            return;
        }
        long started = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        observer.triggerStarted(started);
        List<Row> rows = new ArrayList<>(output.rows());
        if (sorted) {
            rows.sort(null);
        }
        for (int i = 0; i < after.size(); i++) {
            RowOp op = after.get(i);
            if (op instanceof BatchOp batchOp) {
                rows = new ArrayList<>(batchOp.applyBatch(rows, written[i], complete));
                written[i] += rows.size();
                continue;
            }
            List<Row> next = new ArrayList<>();
            rows.forEach(r -> next.addAll(op.apply(r)));
            rows = next;
        }
        long batchId = log.nextBatchId();
        long writeNanos = System.nanoTime();
        try {
            writer.write(batchId, rows);
        } catch (StreamlingException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamlingException(writer.description() + " failed to write batch " + batchId + ": " + e, e);
        }
        long addBatchMs = (System.nanoTime() - writeNanos) / 1_000_000;
        long before = log.committedOffset();
        long end = Math.max(before, 0) + Math.max(output.numInputRows(), 0);
        log.commit(batchId, end);
        observer.batchCompleted(new BatchReport(batchId, started, output.time(), output.numInputRows(), rows.size(),
                addBatchMs, (System.nanoTime() - startedNanos) / 1_000_000, before, end, writer.description(),
                output.eventTime(), output.stateOperators()));
    }
}
