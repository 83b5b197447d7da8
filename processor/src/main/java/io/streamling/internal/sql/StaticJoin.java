package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A join of each row of one side (the stream, or the left of a static join) with the rows of a
 * static Dataset; stateless, as Spark's stream-static join. Joined on {@code using} columns (equal
 * and not null) or on a condition over the joined row. Output columns as Spark's: for a using
 * join the using columns first (from the preserved side), then the others of the left, then of
 * the right; otherwise the left's then the right's; semi and anti joins give the left's only.
 *
 * @param rowsOnLeft whether the rows this step sees are the join's left side
 * @param type {@code inner}, {@code left_outer}, {@code right_outer}, {@code left_semi} or {@code left_anti}
 */
public record StaticJoin(List<Row> staticRows, StructType left, StructType right, boolean rowsOnLeft,
        List<String> using, Expr condition, String type, StructType outSchema) implements RowOp {

    /** Spark's join type names, normalized to {@code inner}, {@code left_outer}, … */
    public static String joinType(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> "inner";
            case "cross" -> "cross";
            case "outer", "full", "fullouter" -> "full_outer";
            case "left", "leftouter" -> "left_outer";
            case "right", "rightouter" -> "right_outer";
            case "semi", "leftsemi" -> "left_semi";
            case "anti", "leftanti" -> "left_anti";
            default -> throw new AnalysisException("Unsupported join type '" + name + "'. Supported join types include: "
                    + "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', "
                    + "'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', "
                    + "'anti', 'cross'.");
        };
    }

    /** A join step; derives the output schema and checks the using columns. */
    public static StaticJoin of(List<Row> staticRows, StructType left, StructType right, boolean rowsOnLeft,
            List<String> using, Expr condition, String type) {
        List<StructField> fields = new ArrayList<>();
        boolean semi = type.equals("left_semi") || type.equals("left_anti");
        if (using != null) {
            for (String column : using) {
                String name = column(left, column, "left");
                column(right, column, "right");
                fields.add(left.apply(left.fieldIndex(name)));
            }
            for (StructField f : left.fields()) {
                if (!contains(using, f.name())) {
                    fields.add(f);
                }
            }
            if (!semi) {
                for (StructField f : right.fields()) {
                    if (!contains(using, f.name())) {
                        fields.add(f);
                    }
                }
            }
        } else {
            fields.addAll(List.of(left.fields()));
            if (!semi) {
                fields.addAll(List.of(right.fields()));
            }
        }
        return new StaticJoin(List.copyOf(staticRows), left, right, rowsOnLeft, using == null ? null : List.copyOf(using),
                condition, type, new StructType(fields));
    }

    @Override
    public List<Row> apply(Row row) {
        List<Row> out = new ArrayList<>();
        boolean matched = false;
        for (Row other : staticRows) {
            Row l = rowsOnLeft ? row : other;
            Row r = rowsOnLeft ? other : row;
            if (matches(l, r)) {
                matched = true;
                if (type.equals("left_semi") || type.equals("left_anti")) {
                    break;
                }
                out.add(joined(l, r));
            }
        }
        switch (type) {
            case "left_semi" -> out.add(row);
            case "left_anti" -> {
                if (!matched) {
                    out.add(row);
                }
            }
            case "left_outer", "right_outer" -> {
                if (!matched) {
                    out.add(rowsOnLeft ? joined(row, null) : joined(null, row));
                }
            }
            default -> {
            }
        }
        return type.equals("left_semi") && !matched ? List.of() : out;
    }

    /** Whether a left and a right row join. */
    boolean matches(Row l, Row r) {
        if (using != null) {
            for (String column : using) {
                if (!keysEqual(l.get(left.fieldIndex(column)), r.get(right.fieldIndex(column)))) {
                    return false;
                }
            }
            return true;
        }
        if (condition == null) {
            return true;
        }
        return Boolean.TRUE.equals(condition.eval(both(l, r)));
    }

    private Row both(Row l, Row r) {
        List<StructField> fields = new ArrayList<>(List.of(left.fields()));
        fields.addAll(List.of(right.fields()));
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < left.fields().length; i++) {
            values[i] = l.get(i);
        }
        for (int i = 0; i < right.fields().length; i++) {
            values[left.fields().length + i] = r.get(i);
        }
        return new Row(new StructType(fields), values);
    }

    /** The output row of a left and a right row (either null for the missing side of an outer join). */
    Row joined(Row l, Row r) {
        List<Object> values = new ArrayList<>();
        if (using != null) {
            for (String column : using) {
                // the preserved side's value: the right's for a right outer join
                values.add(l != null ? l.get(left.fieldIndex(column)) : r.get(right.fieldIndex(column)));
            }
            addOthers(values, l, left);
            addOthers(values, r, right);
        } else {
            addAll(values, l, left);
            addAll(values, r, right);
        }
        return new Row(outSchema, values.toArray());
    }

    private void addOthers(List<Object> values, Row row, StructType schema) {
        for (int i = 0; i < schema.fields().length; i++) {
            if (!contains(using, schema.apply(i).name())) {
                values.add(row == null ? null : row.get(i));
            }
        }
    }

    private static void addAll(List<Object> values, Row row, StructType schema) {
        for (int i = 0; i < schema.fields().length; i++) {
            values.add(row == null ? null : row.get(i));
        }
    }

    /** The key a using join matches on (the using columns' values), or an empty row for a condition join. */
    Row keyOf(Row row, boolean leftSide) {
        if (using == null) {
            return Row.of();
        }
        StructType schema = leftSide ? left : right;
        return Row.of(using.stream().map(c -> normalizedKey(row.get(schema.fieldIndex(c)))).toArray());
    }

    /**
     * Whether two join key values match as in Spark's equi-join: never on null; numbers by value
     * across integral types, -0.0 as 0.0 and NaN as NaN (Spark's NormalizeFloatingNumbers).
     */
    static boolean keysEqual(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        return normalizedKey(a).equals(normalizedKey(b)); // Double.equals: NaN equals NaN, and -0.0 is 0.0 by now
    }

    /** A key value as {@link #keysEqual} compares it: integral numbers as longs, floating ones as doubles, -0.0 as 0.0. */
    private static Object normalizedKey(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == 0.0 ? 0.0 : d;
        }
        return value;
    }

    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    private static String column(StructType schema, String column, String side) {
        for (String name : schema.fieldNames()) {
            if (name.equalsIgnoreCase(column)) {
                return name;
            }
        }
        throw new AnalysisException("[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `" + column + "` cannot be resolved "
                + "on the " + side + " side of the join. The " + side + "-side columns: ["
                + String.join(", ", java.util.Arrays.stream(schema.fieldNames()).map(n -> "`" + n + "`").toList()) + "].");
    }
}
