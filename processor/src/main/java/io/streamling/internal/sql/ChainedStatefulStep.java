package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.util.List;

/**
 * A second stateful operator after the query's first (an aggregation of an aggregation, a
 * deduplication after a group state…). Streamling runs one stateful operator per query, so
 * {@code start()} refuses it: with Spark's message where Spark refuses it too (its global
 * watermark correctness check), with Streamling's otherwise.
 *
 * @param countsAsStateful whether Spark's correctness check counts the second operator as stateful
 *     (an aggregation, a join, a group state, a deduplication on the event time or within the watermark)
 */
public record ChainedStatefulStep(String operation, boolean countsAsStateful, StructType outSchema) implements RowOp {

    /** Spark's message when a stateful operator follows one that can emit rows behind the watermark. */
    public static final String CORRECTNESS = "Detected pattern of possible 'correctness' issue due to global watermark. "
            + "The query contains stateful operation which can emit rows older than the current watermark plus allowed "
            + "late record delay, which are \"late rows\" in downstream stateful operations and these rows can be "
            + "discarded. Please refer the programming guide doc for more details. If you understand the possible "
            + "risk of correctness issue and still need to run the query, you can disable this check by setting the "
            + "config `spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.";

    @Override
    public List<Row> apply(Row row) {
        throw new IllegalStateException("a chained stateful operator never runs");
    }

    /** Streamling's message where Spark would run the chain. */
    public String unsupported() {
        return "Streamling runs one stateful operator (aggregation, deduplication, group state, stream-stream join) "
                + "per streaming query, so " + operation + " after another one is not supported yet; split the work "
                + "into several queries";
    }
}
