package io.streamling.internal.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * A stateful operator whose partials are the input rows themselves, buffered per key (deduplication,
 * group state, stream-stream join): what it does with them depends on the watermark or the state,
 * known only in the {@link #step}, so a micro-batch keeps them all, in input order.
 */
interface RowBufferingOp extends StatefulOp {

    /** The one partial of {@code row}: a list holding only it, under {@code key}. */
    static List<Tuple2<Row, Object>> buffered(Row key, Row row) {
        ArrayList<Row> rows = new ArrayList<>();
        rows.add(row);
        return List.of(new Tuple2<>(key, rows));
    }

    /** The earlier rows of a key, then the later. */
    @Override
    @SuppressWarnings("unchecked")
    default Object merge(Object earlier, Object later) {
        ArrayList<Row> rows = new ArrayList<>((List<Row>) earlier);
        rows.addAll((List<Row>) later);
        return rows;
    }
}
