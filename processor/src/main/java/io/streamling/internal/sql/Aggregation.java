package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code groupBy(keys).agg(aggregates)}: key rows per input row, and the fold of input rows into an
 * {@link AggState}. Streaming keeps the states in updateStateByKey; static data folds a list.
 */
public record Aggregation(List<Expr> keys, List<Expr> aggregates, StructType inSchema, StructType keySchema,
        StructType outSchema) implements Serializable {

    /** An aggregation over rows of {@code in}; {@code aggregates} are {@link Exprs.Agg}, possibly aliased. */
    public static Aggregation of(List<Expr> keys, List<Expr> aggregates, StructType in) {
        List<StructField> keyFields = new ArrayList<>();
        for (Expr key : keys) {
            keyFields.add(new StructField(key.name(), key.type(in), true));
        }
        List<StructField> out = new ArrayList<>(keyFields);
        for (Expr aggregate : aggregates) {
            if (!aggregate.isAggregate()) {
                throw notAnAggregate(aggregate);
            }
            out.add(new StructField(aggregate.name(), aggregate.type(in), true));
        }
        return new Aggregation(List.copyOf(keys), List.copyOf(aggregates), in, new StructType(keyFields),
                new StructType(out));
    }

    /** Spark's error for an expression in agg() that is neither a group key nor an aggregate. */
    static AnalysisException notAnAggregate(Expr expr) {
        return new AnalysisException("expression '" + expr.name()
                + "' is neither present in the group by, nor is it an aggregate function.");
    }

    /**
     * The group keys of a row: one, or several when a key is a sliding window. Keys are bare: values
     * only, nested rows (windows) too, as state stores and shuffles keep them. A schema would be
     * serialized with every key, most of its bytes (128 against 54 for a window and a word), and
     * hashed and compared on every update; {@link #output} puts the schema back.
     */
    public List<Row> keysOf(Row row) {
        int generators = 0;
        for (Expr key : keys) {
            if (key.isAggregate()) {
                generators = Integer.MAX_VALUE;
                break;
            }
            generators += key.isGenerator() ? 1 : 0;
        }
        // one generator at most: the key schema is known, Project.of would only derive and check it again
        // (and refuses a second generator with Spark's message); the key rows are built bare at once
        Project project = generators <= 1 ? new Project(keys, keySchema) : Project.of(keys, inSchema);
        return project.apply(row, null, Aggregation::bareValue);
    }

    /**
     * A key value as groups are told apart: nested rows bare, and -0.0 as 0.0, which Spark (since
     * 3.0) groups together, where {@code Double.equals} tells them apart.
     */
    private static Object bareValue(Object value) {
        if (value instanceof Double d && d == 0.0) {
            return 0.0;
        }
        if (value instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        return value instanceof Row nested ? bare(nested) : value;
    }

    private static Row bare(Row row) {
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = bareValue(values[i]);
        }
        return new Row(null, values);
    }

    /** A key's value with the schema of its type again, where it is a bare row. */
    private static Object dressed(Object value, DataType type) {
        if (!(value instanceof Row row) || row.schema() != null || !(type instanceof StructType struct)) {
            return value;
        }
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = dressed(values[i], struct.apply(i).dataType());
        }
        return new Row(struct, values);
    }

    /**
     * The index of the group key that carries the event time: the watermark column itself or a
     * (session) window over it; -1 when no key does (then the watermark cannot evict state).
     */
    public int eventTimeKey(String watermarkColumn) {
        if (watermarkColumn == null) {
            return -1;
        }
        for (int i = 0; i < keys.size(); i++) {
            Expr key = keys.get(i) instanceof Exprs.Alias alias ? alias.child() : keys.get(i);
            Expr time = key instanceof Exprs.TimeWindow w ? w.time()
                    : key instanceof Exprs.SessionWindow s ? s.time() : key;
            if (time instanceof Exprs.ColRef ref && ref.column().equalsIgnoreCase(watermarkColumn)) {
                return i;
            }
            // a window column computed by an earlier select: Spark carries the watermark on it
            if (key instanceof Exprs.ColRef && keySchema.apply(i).dataType().equals(Exprs.WINDOW_TYPE)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the {@code session_window} key, -1 when there is none. */
    public int sessionWindowKey() {
        for (int i = 0; i < keys.size(); i++) {
            Expr key = keys.get(i) instanceof Exprs.Alias alias ? alias.child() : keys.get(i);
            if (key instanceof Exprs.SessionWindow) {
                return i;
            }
        }
        return -1;
    }

    /** The event time of a key for the watermark: a window's end, or the time itself (ms). */
    public static long eventTimeOf(Object keyValue) {
        if (keyValue instanceof Row window) {
            return ((java.sql.Timestamp) window.get(1)).getTime();
        }
        return ((java.sql.Timestamp) keyValue).getTime();
    }

    /** Two partial states of one group combined, as when both batches of rows had been folded together. */
    public AggState merge(AggState a, AggState b) {
        int n = aggregates.size();
        Object[] values = new Object[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = a.counts()[i] + b.counts()[i];
            Object x = a.values()[i];
            Object y = b.values()[i];
            values[i] = x == null ? y : y == null ? x : combine(unwrap(aggregates.get(i)).function(), x, y);
        }
        return new AggState(values, counts, a.changed() || b.changed());
    }

    /**
     * Folds a batch's partial states of one group into {@code previous} (null for a new group),
     * flagged changed when there were any; null when there is neither.
     */
    public AggState fold(AggState previous, List<AggState> partials) {
        AggState folded = previous;
        for (AggState partial : partials) {
            folded = folded == null ? partial : merge(folded, partial);
        }
        return folded == null ? null : new AggState(folded.values(), folded.counts(), !partials.isEmpty());
    }

    /** Folds {@code rows} into {@code previous} (null for a new group); no rows leaves it unchanged. */
    public AggState update(AggState previous, List<Row> rows) {
        int n = aggregates.size();
        Object[] values = previous == null ? new Object[n] : previous.values().clone();
        long[] counts = previous == null ? new long[n] : previous.counts().clone();
        for (Row row : rows) {
            for (int i = 0; i < n; i++) {
                Exprs.Agg agg = unwrap(aggregates.get(i));
                Object value = agg.child() == null ? 1L : agg.child().eval(row);
                if (value == null) {
                    continue;
                }
                counts[i]++;
                values[i] = fold(agg.function(), values[i], value);
            }
        }
        return new AggState(values, counts, !rows.isEmpty());
    }

    /** The output row of a group. */
    public Row output(Row key, AggState state) {
        return withSchema(outputValues(key, state));
    }

    /**
     * The output row of a group without its schema, its keys bare: what a micro-batch's results
     * carry to the sink, as a row with a schema writes the schema with every copy.
     */
    public Row bareOutput(Row key, AggState state) {
        return new Row(null, outputValues(key, state));
    }

    private Object[] outputValues(Row key, AggState state) {
        Object[] values = new Object[keys.size() + aggregates.size()];
        for (int i = 0; i < keys.size(); i++) {
            values[i] = key.get(i);
        }
        for (int i = 0; i < aggregates.size(); i++) {
            String function = unwrap(aggregates.get(i)).function();
            Object value = state.values()[i];
            long count = state.counts()[i];
            values[keys.size() + i] = switch (function) {
                case "count" -> count;
                case "avg" -> count == 0 ? null : ((Number) value).doubleValue() / count;
                case "collect_list", "collect_set" -> value == null ? List.of() : value;
                default -> value;
            };
        }
        return values;
    }

    /** A row of {@link #bareOutput} with the output schema, and its keys with theirs. */
    public Row dress(Row bare) {
        return withSchema(bare.values());
    }

    private Row withSchema(Object[] values) {
        for (int i = 0; i < keys.size(); i++) {
            values[i] = dressed(values[i], keySchema.apply(i).dataType());
        }
        return new Row(outSchema, values);
    }

    /** Aggregates a whole static dataset; groups come out in key order. */
    public List<Row> aggregate(List<Row> rows) {
        Map<Row, List<Row>> groups = new TreeMap<>();
        for (Row row : rows) {
            for (Row key : keysOf(row)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        List<Row> out = new ArrayList<>();
        groups.forEach((key, members) -> out.add(output(key, update(null, members))));
        return out;
    }

    /** Two partial results of one aggregate merged: lists concatenated (a set's without repeats), others folded. */
    @SuppressWarnings("unchecked")
    private static Object combine(String function, Object a, Object b) {
        if (function.equals("collect_list") || function.equals("collect_set")) {
            // one new list: partial states are shared, never changed in place
            List<Object> merged = new ArrayList<>((List<Object>) a);
            for (Object value : (List<?>) b) {
                if (function.equals("collect_list") || !merged.contains(value)) {
                    merged.add(value);
                }
            }
            return merged;
        }
        return fold(function, a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fold(String function, Object acc, Object value) {
        switch (function) {
            case "collect_list":
            case "collect_set": {
                // a new list each time: partial states are shared (merge copies, never changes them)
                List<Object> list = acc == null ? new ArrayList<>() : new ArrayList<>((List<Object>) acc);
                if (function.equals("collect_list") || !list.contains(value)) {
                    list.add(value);
                }
                return list;
            }
            case "count":
                return null;
            case "sum":
            case "avg":
                if (acc == null) {
                    // Spark's sum starts at zero: -0.0 alone sums to 0.0
                    return value instanceof Double d ? (Object) (0.0 + d) : (Object) ((Number) value).longValue();
                }
                if (acc instanceof Double || value instanceof Double) {
                    return ((Number) acc).doubleValue() + ((Number) value).doubleValue();
                }
                return Exprs.exactly(() -> Math.addExact(((Number) acc).longValue(), ((Number) value).longValue()),
                        "long", "try_add");
            case "min":
                return acc == null || ((Comparable) value).compareTo(acc) < 0 ? value : acc;
            case "max":
                return acc == null || ((Comparable) value).compareTo(acc) > 0 ? value : acc;
            default:
                throw new IllegalStateException(function);
        }
    }

    private static Exprs.Agg unwrap(Expr e) {
        return e instanceof Exprs.Alias alias ? unwrap(alias.child()) : (Exprs.Agg) e;
    }
}
