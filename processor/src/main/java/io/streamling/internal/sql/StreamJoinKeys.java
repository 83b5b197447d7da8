package io.streamling.internal.sql;

import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the join key of a stream-stream join that is a watermarked event time (or a window of
 * one), as Spark's joinKeyOrdinalForWatermark: the first such key of the left side, else of the
 * right. The keys are the using columns, or the equalities {@code leftColumn = rightColumn} among
 * the condition's conjuncts (Spark's equi-join keys).
 */
public final class StreamJoinKeys {

    private StreamJoinKeys() {
    }

    /** The indexes of that key's column in the left and right schemas, or {@code {-1, -1}}. */
    public static int[] eventTimeKey(StructType left, StructType right, List<String> using, Expr condition,
            String leftTime, String rightTime) {
        List<int[]> keys = new ArrayList<>();
        if (using != null) {
            for (String column : using) {
                keys.add(new int[] {index(left, column), index(right, column)});
            }
        } else if (condition != null) {
            equalities(condition, left, right, keys);
        }
        for (int[] key : keys) {
            if (key[0] >= 0 && isEventTime(left, key[0], leftTime)) {
                return key;
            }
        }
        for (int[] key : keys) {
            if (key[1] >= 0 && isEventTime(right, key[1], rightTime)) {
                return key;
            }
        }
        return new int[] {-1, -1};
    }

    /**
     * The index of a side's event-time column: its watermark column, else (when a select kept
     * only a window of it) its first window column, as Spark's first column that carries the
     * watermark; -1 when the side has no watermark.
     */
    public static int eventTimeColumn(StructType schema, String watermarkColumn) {
        if (watermarkColumn == null) {
            return -1;
        }
        int column = index(schema, watermarkColumn);
        for (int i = 0; column < 0 && i < schema.fields().length; i++) {
            if (schema.apply(i).dataType().equals(Exprs.WINDOW_TYPE)) {
                column = i;
            }
        }
        return column;
    }

    /** A watermarked column carries the watermark; so does a window of it (Spark copies the metadata). */
    private static boolean isEventTime(StructType schema, int index, String watermarkColumn) {
        return watermarkColumn != null && (schema.fieldNames()[index].equalsIgnoreCase(watermarkColumn)
                || schema.apply(index).dataType().equals(Exprs.WINDOW_TYPE));
    }

    private static void equalities(Expr e, StructType left, StructType right, List<int[]> keys) {
        if (e instanceof Exprs.Binary b && b.op().equals("AND")) {
            equalities(b.left(), left, right, keys);
            equalities(b.right(), left, right, keys);
        } else if (e instanceof Exprs.Binary b && b.op().equals("=") && b.left() instanceof Exprs.ColRef x
                && b.right() instanceof Exprs.ColRef y) {
            // a name resolves to the left side first, as in the joined row
            int xl = index(left, x.column());
            int yl = index(left, y.column());
            if (xl >= 0 && yl < 0 && index(right, y.column()) >= 0) {
                keys.add(new int[] {xl, index(right, y.column())});
            } else if (yl >= 0 && xl < 0 && index(right, x.column()) >= 0) {
                keys.add(new int[] {yl, index(right, x.column())});
            }
        }
    }

    private static int index(StructType schema, String column) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
