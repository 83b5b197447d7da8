package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The expressions of the first Structured Streaming slice. */
public final class Exprs {

    /** The struct type of {@code window(...)} columns. */
    public static final StructType WINDOW_TYPE = new StructType(List.of(
            new StructField("start", DataTypes.TimestampType, true),
            new StructField("end", DataTypes.TimestampType, true)));

    private Exprs() {
    }

    /** A column of the input, by name; {@code a.b} reads field b of struct a. */
    public record ColRef(String column) implements Expr {
        @Override
        public Object eval(Row row) {
            String[] path = column.split("\\.");
            Object value = row.get(resolve(row.schema(), path[0]));
            for (int i = 1; i < path.length && value != null; i++) {
                Row struct = (Row) value;
                value = struct.get(struct.schema().fieldIndex(path[i]));
            }
            return value;
        }

        @Override
        public DataType type(StructType schema) {
            String[] path = column.split("\\.");
            DataType type = schema.apply(resolve(schema, path[0])).dataType();
            for (int i = 1; i < path.length; i++) {
                StructType struct = (StructType) type;
                type = struct.apply(struct.fieldIndex(path[i])).dataType();
            }
            return type;
        }

        @Override
        public String name() {
            String[] path = column.split("\\.");
            return path[path.length - 1];
        }

        private int resolve(StructType schema, String field) {
            try {
                return schema.fieldIndex(field);
            } catch (IllegalArgumentException e) {
                throw new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function "
                        + "parameter with name `" + field + "` cannot be resolved. Did you mean one of the following? "
                        + Arrays.stream(schema.fieldNames()).map(n -> "`" + n + "`")
                                .collect(java.util.stream.Collectors.joining(", ", "[", "]")) + ".");
            }
        }
    }

    /** A constant. */
    public record Lit(Object value) implements Expr {
        @Override
        public Object eval(Row row) {
            return value;
        }

        @Override
        public DataType type(StructType schema) {
            return typeOf(value);
        }

        @Override
        public String name() {
            return String.valueOf(value);
        }
    }

    /** An expression renamed. */
    public record Alias(Expr child, String alias) implements Expr {
        @Override
        public Object eval(Row row) {
            return child.eval(row);
        }

        @Override
        public DataType type(StructType schema) {
            return child.type(schema);
        }

        @Override
        public String name() {
            return alias;
        }

        @Override
        public boolean isGenerator() {
            return child.isGenerator();
        }

        @Override
        public List<Object> generate(Row row) {
            return child.generate(row);
        }

        @Override
        public boolean isAggregate() {
            return child.isAggregate();
        }
    }

    /** A scalar function of one argument: length, lower, upper. */
    public record Unary(String function, Expr child) implements Expr {
        @Override
        public Object eval(Row row) {
            Object value = child.eval(row);
            if (value == null) {
                return null;
            }
            return switch (function) {
                case "length" -> value.toString().codePointCount(0, value.toString().length());
                case "lower" -> value.toString().toLowerCase(Locale.ROOT);
                case "upper" -> value.toString().toUpperCase(Locale.ROOT);
                case "not" -> !(Boolean) value;
                default -> throw new IllegalStateException(function);
            };
        }

        @Override
        public DataType type(StructType schema) {
            child.type(schema);
            return switch (function) {
                case "length" -> DataTypes.IntegerType;
                case "not" -> DataTypes.BooleanType;
                default -> DataTypes.StringType;
            };
        }

        @Override
        public String name() {
            return function.equals("not") ? "(NOT " + child.name() + ")" : function + "(" + child.name() + ")";
        }
    }

    /**
     * {@code CAST(child AS type)}, with Spark's (ANSI) conversions: binary and strings as UTF-8,
     * strings to numbers, booleans and timestamps (trimmed; malformed input fails as Spark's
     * {@code CAST_INVALID_INPUT}), numbers between each other and to strings. A cast column keeps
     * the column's name, as in Spark.
     */
    public record Cast(Expr child, DataType to) implements Expr {
        @Override
        public Object eval(Row row) {
            return Casts.convert(child.eval(row), to);
        }

        @Override
        public DataType type(StructType schema) {
            Casts.check(child.type(schema), to);
            return to;
        }

        @Override
        public String name() {
            return child instanceof ColRef ? child.name() : "CAST(" + child.name() + " AS " + Casts.sqlName(to) + ")";
        }
    }

    /** Null tests; never null themselves. */
    public record NullTest(Expr child, boolean isNull) implements Expr {
        @Override
        public Object eval(Row row) {
            return (child.eval(row) == null) == isNull;
        }

        @Override
        public DataType type(StructType schema) {
            child.type(schema); // resolves the column now, so an unknown one fails at analysis
            return DataTypes.BooleanType;
        }

        @Override
        public String name() {
            return "(" + child.name() + (isNull ? " IS NULL)" : " IS NOT NULL)");
        }
    }

    /** {@code split(str, regex)}: an array (a {@link List}) of strings. */
    public record Split(Expr child, String regex) implements Expr {
        @Override
        public Object eval(Row row) {
            Object value = child.eval(row);
            // Spark keeps trailing empty strings (limit -1), unlike Java's default split
            return value == null ? null : List.of(value.toString().split(regex, -1));
        }

        @Override
        public DataType type(StructType schema) {
            child.type(schema);
            return ArrayTypes.STRING_ARRAY;
        }

        @Override
        public String name() {
            return "split(" + child.name() + ", " + regex + ", -1)";
        }
    }

    /**
     * {@code from_json(json, schema)}: the struct a JSON string holds, parsed as the json source
     * does (PERMISSIVE: a malformed string gives a struct of nulls, as Spark's from_json).
     */
    public record FromJson(Expr child, StructType schema) implements Expr {
        @Override
        public Object eval(Row row) {
            Object value = child.eval(row);
            if (value == null) {
                return null;
            }
            String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : value.toString();
            List<Row> rows = RowParser.of("json", schema, "PERMISSIVE", null).parse(text);
            return rows.isEmpty() ? null : rows.get(0);
        }

        @Override
        public DataType type(StructType input) {
            DataType type = child.type(input);
            if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.BinaryType)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"from_json("
                        + child.name() + ")\" due to data type mismatch: the input must be a STRING, got \""
                        + Casts.sqlName(type) + "\".");
            }
            return schema;
        }

        @Override
        public String name() {
            return "from_json(" + child.name() + ")";
        }
    }

    /** {@code concat(a, b, ...)}: the strings joined; null when any input is null, as in Spark. */
    public record Concat(List<Expr> children) implements Expr {
        @Override
        public Object eval(Row row) {
            StringBuilder text = new StringBuilder();
            for (Expr child : children) {
                Object value = child.eval(row);
                if (value == null) {
                    return null;
                }
                text.append(value instanceof byte[] bytes
                        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value);
            }
            return text.toString();
        }

        @Override
        public DataType type(StructType schema) {
            children.forEach(child -> child.type(schema));
            return DataTypes.StringType;
        }

        @Override
        public String name() {
            return "concat(" + children.stream().map(Expr::name).collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
    }

    /** {@code explode(array)}: one row per element; a null or empty array gives no row. */
    public record Explode(Expr child) implements Expr {
        @Override
        public Object eval(Row row) {
            throw new IllegalStateException("explode is a generator");
        }

        @Override
        public DataType type(StructType schema) {
            child.type(schema);
            return DataTypes.StringType;
        }

        @Override
        public String name() {
            return "col";
        }

        @Override
        public boolean isGenerator() {
            return true;
        }

        @Override
        public List<Object> generate(Row row) {
            Object value = child.eval(row);
            return value == null ? List.of() : new ArrayList<>((List<?>) value);
        }
    }

    /** Binary operators: comparisons, arithmetic, and/or. SQL semantics: null in, null out. */
    public record Binary(String op, Expr left, Expr right) implements Expr {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object eval(Row row) {
            Object a = left.eval(row);
            Object b = right.eval(row);
            if (op.equals("AND") || op.equals("OR")) {
                return logic(a, b);
            }
            if (a == null || b == null) {
                return null;
            }
            if (a instanceof Number x && b instanceof Number y) {
                boolean exact = !(a instanceof Double) && !(b instanceof Double);
                switch (op) {
                    case "+": return exact ? (Object) (x.longValue() + y.longValue()) : x.doubleValue() + y.doubleValue();
                    case "-": return exact ? (Object) (x.longValue() - y.longValue()) : x.doubleValue() - y.doubleValue();
                    case "*": return exact ? (Object) (x.longValue() * y.longValue()) : x.doubleValue() * y.doubleValue();
                    default: return compare(Double.compare(x.doubleValue(), y.doubleValue()));
                }
            }
            int c = a instanceof Comparable ca && a.getClass() == b.getClass() ? ca.compareTo(b)
                    : a.toString().compareTo(b.toString());
            return compare(c);
        }

        private Object logic(Object a, Object b) {
            boolean and = op.equals("AND");
            if (Objects.equals(a, !and) || Objects.equals(b, !and)) {
                return !and;
            }
            return a == null || b == null ? null : and;
        }

        private Boolean compare(int c) {
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public DataType type(StructType schema) {
            DataType a = left.type(schema);
            DataType b = right.type(schema);
            if (op.equals("+") || op.equals("-") || op.equals("*")) {
                if (a.equals(DataTypes.DoubleType) || b.equals(DataTypes.DoubleType)) {
                    return DataTypes.DoubleType;
                }
                return DataTypes.LongType;
            }
            return DataTypes.BooleanType;
        }

        @Override
        public String name() {
            return "(" + left.name() + " " + op + " " + right.name() + ")";
        }
    }

    /**
     * {@code window(timeColumn, windowDuration[, slideDuration[, startTime]])}: the struct
     * {@code {start, end}} of each window that holds the row's time, {@code [start, end)} aligned
     * to the epoch plus {@code startTime}; a sliding window gives several.
     */
    public record TimeWindow(Expr time, long windowMs, long slideMs, long startMs) implements Expr {
        @Override
        public Object eval(Row row) {
            throw new IllegalStateException("window is a generator");
        }

        @Override
        public DataType type(StructType schema) {
            if (!time.type(schema).equals(DataTypes.TimestampType)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] window requires a timestamp column, but "
                        + time.name() + " is " + time.type(schema).simpleString() + ".");
            }
            return WINDOW_TYPE;
        }

        @Override
        public String name() {
            return "window";
        }

        @Override
        public boolean isGenerator() {
            return true;
        }

        @Override
        public List<Object> generate(Row row) {
            Object value = time.eval(row);
            if (value == null) {
                // Spark drops rows whose time is null from windowed aggregations
                return List.of();
            }
            long t = ((Timestamp) value).getTime();
            long lastStart = t - Math.floorMod(t - startMs, slideMs);
            List<Object> windows = new ArrayList<>();
            for (long start = lastStart; start > t - windowMs; start -= slideMs) {
                windows.add(0, new Row(WINDOW_TYPE, new Timestamp(start), new Timestamp(start + windowMs)));
            }
            return windows;
        }
    }

    /** Aggregate functions: count, sum, avg, min, max; {@code child} null means {@code count(*)}. */
    public record Agg(String function, Expr child) implements Expr {
        @Override
        public Object eval(Row row) {
            throw new IllegalStateException("aggregate " + name() + " outside an aggregation");
        }

        @Override
        public DataType type(StructType schema) {
            if (child != null) {
                child.type(schema);
            }
            return switch (function) {
                case "count" -> DataTypes.LongType;
                case "avg" -> DataTypes.DoubleType;
                case "sum" -> child.type(schema).equals(DataTypes.DoubleType) ? DataTypes.DoubleType : DataTypes.LongType;
                default -> child.type(schema);
            };
        }

        @Override
        public String name() {
            return function + "(" + (child == null ? "1" : child.name()) + ")";
        }

        @Override
        public boolean isAggregate() {
            return true;
        }
    }

    /** A sort direction around a column, for {@code orderBy}; evaluates to the column. */
    public record Sort(Expr child, boolean ascending) implements Expr {
        @Override
        public Object eval(Row row) {
            return child.eval(row);
        }

        @Override
        public DataType type(StructType schema) {
            return child.type(schema);
        }

        @Override
        public String name() {
            return child.name() + (ascending ? " ASC NULLS FIRST" : " DESC NULLS LAST");
        }
    }

    /** The type of a Java value, as Spark infers a literal's. */
    static DataType typeOf(Object value) {
        if (value instanceof Integer) {
            return DataTypes.IntegerType;
        } else if (value instanceof Long) {
            return DataTypes.LongType;
        } else if (value instanceof Double) {
            return DataTypes.DoubleType;
        } else if (value instanceof Boolean) {
            return DataTypes.BooleanType;
        } else if (value instanceof Timestamp) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }
}
