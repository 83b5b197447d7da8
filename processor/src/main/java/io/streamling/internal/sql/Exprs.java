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

    /**
     * The result of integral arithmetic, or Spark 4's ANSI error when it overflows {@code type}
     * ({@code "integer"} or {@code "long"}), naming the {@code try_} function that would give null.
     */
    static long exactly(java.util.function.LongSupplier arithmetic, String type, String tryFunction) {
        try {
            return arithmetic.getAsLong();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("[ARITHMETIC_OVERFLOW] " + type + " overflow. Use '" + tryFunction
                    + "' to tolerate overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to"
                    + " \"false\" to bypass this error. SQLSTATE: 22003");
        }
    }

    private Exprs() {
    }

    /**
     * A column of the input, by name; {@code a.b} reads field b of struct a. The field positions
     * are looked up once per input schema, not for every row (rows of a stream share their schema).
     */
    public static final class ColRef implements Expr {
        private static final long serialVersionUID = 1L;

        private final String column;
        private final String[] path;
        /** The positions for the last schema seen; immutable, so a race only costs a second lookup. */
        private transient volatile Resolved resolved;

        /** The positions of a column's path in one schema. */
        private record Resolved(StructType schema, int first) {
        }

        public ColRef(String column) {
            this.column = column;
            this.path = column.split("\\.");
        }

        /** The column's name as written, with any {@code struct.field} path. */
        public String column() {
            return column;
        }

        @Override
        public Object eval(Row row) {
            Object value = row.get(indexIn(row.schema()));
            for (int i = 1; i < path.length && value != null; i++) {
                Row struct = (Row) value;
                value = struct.get(struct.schema().fieldIndex(path[i]));
            }
            return value;
        }

        private int indexIn(StructType schema) {
            Resolved last = resolved;
            if (last == null || last.schema() != schema) {
                last = new Resolved(schema, resolve(schema, path[0]));
                resolved = last;
            }
            return last.first();
        }

        @Override
        public DataType type(StructType schema) {
            DataType type = schema.apply(resolve(schema, path[0])).dataType();
            for (int i = 1; i < path.length; i++) {
                StructType struct = (StructType) type;
                type = struct.apply(struct.fieldIndex(path[i])).dataType();
            }
            return type;
        }

        @Override
        public String name() {
            return path[path.length - 1];
        }

        private static int resolve(StructType schema, String field) {
            try {
                return schema.fieldIndex(field);
            } catch (IllegalArgumentException e) {
                throw new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function "
                        + "parameter with name `" + field + "` cannot be resolved. Did you mean one of the following? "
                        + Arrays.stream(schema.fieldNames()).map(n -> "`" + n + "`")
                                .collect(java.util.stream.Collectors.joining(", ", "[", "]")) + ".");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ColRef ref && ref.column.equals(column);
        }

        @Override
        public int hashCode() {
            return column.hashCode();
        }

        @Override
        public String toString() {
            return "ColRef[column=" + column + "]";
        }
    }

    /**
     * The value of an interval literal ({@code INTERVAL 1 HOUR}), in milliseconds: added to or
     * subtracted from a timestamp, as in a stream-stream join's time-range condition.
     */
    public record Interval(long ms) implements java.io.Serializable {
        @Override
        public String toString() {
            return "INTERVAL '" + ms + "' MILLISECOND";
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
            if (value == null) {
                return null;
            }
            String text = value.toString();
            if (regex.isEmpty() && !text.isEmpty()) {
                // Spark splits around every character, with no trailing empty string
                return text.codePoints().mapToObj(Character::toString).toList();
            }
            // Spark keeps trailing empty strings (limit -1), unlike Java's default split
            return List.of(text.split(regex, -1));
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
            if (op.equals("+") || op.equals("-")) {
                Object shifted = shifted(a, b);
                if (shifted != null) {
                    return shifted;
                }
            }
            if (a instanceof Number x && b instanceof Number y) {
                return isArithmetic() ? arithmetic(x, y) : compare(compareNumbers(x.doubleValue(), y.doubleValue()));
            }
            int c = a instanceof Comparable ca && a.getClass() == b.getClass() ? ca.compareTo(b)
                    : a.toString().compareTo(b.toString());
            return compare(c);
        }

        /** As Spark compares doubles: -0.0 equals 0.0, and NaN equals NaN and is above every other value. */
        private static int compareNumbers(double x, double y) {
            return x == y ? 0 : Double.compare(x, y);
        }

        private boolean isArithmetic() {
            return op.equals("+") || op.equals("-") || op.equals("*") || op.equals("/") || op.equals("%");
        }

        /**
         * Spark's arithmetic: {@code /} always gives a double; otherwise two integral operands give
         * the wider of their types (int * int is an int), anything else a double. A zero divisor
         * fails as in Spark 4 (ANSI mode, its default).
         */
        private Object arithmetic(Number x, Number y) {
            if ((op.equals("/") || op.equals("%")) && y.doubleValue() == 0) {
                throw new ArithmeticException("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor "
                        + "being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
                        + "bypass this error. SQLSTATE: 22012");
            }
            if (op.equals("/") || isFloating(x) || isFloating(y)) {
                double p = x.doubleValue();
                double q = y.doubleValue();
                return switch (op) {
                    case "+" -> p + q;
                    case "-" -> p - q;
                    case "*" -> p * q;
                    case "/" -> p / q;
                    default -> p % q;
                };
            }
            long p = x.longValue();
            long q = y.longValue();
            String tryFunction = switch (op) {
                case "+" -> "try_add";
                case "-" -> "try_subtract";
                default -> "try_multiply";
            };
            long result = exactly(() -> switch (op) {
                case "+" -> Math.addExact(p, q);
                case "-" -> Math.subtractExact(p, q);
                case "*" -> Math.multiplyExact(p, q);
                default -> p % q;
            }, "long", tryFunction);
            if (x instanceof Long || y instanceof Long) {
                return result;
            }
            return (int) exactly(() -> Math.toIntExact(result), "integer", tryFunction);
        }

        private static boolean isFloating(Number n) {
            return n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal;
        }

        /** A timestamp plus or minus an interval (an interval may also come first for +), else null. */
        private Object shifted(Object a, Object b) {
            if (a instanceof Timestamp t && b instanceof Interval i) {
                return new Timestamp(t.getTime() + (op.equals("+") ? i.ms() : -i.ms()));
            }
            if (a instanceof Interval i && b instanceof Timestamp t && op.equals("+")) {
                return new Timestamp(t.getTime() + i.ms());
            }
            if (a instanceof Interval x && b instanceof Interval y) {
                return new Interval(op.equals("+") ? x.ms() + y.ms() : x.ms() - y.ms());
            }
            return null;
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
            if (isArithmetic()) {
                if ((op.equals("+") || op.equals("-"))
                        && (a.equals(DataTypes.TimestampType) || b.equals(DataTypes.TimestampType))) {
                    return DataTypes.TimestampType; // a time shifted by an interval
                }
                if (op.equals("/") || !isIntegral(a) || !isIntegral(b)) {
                    return DataTypes.DoubleType;
                }
                return a.equals(DataTypes.LongType) || b.equals(DataTypes.LongType) ? DataTypes.LongType
                        : DataTypes.IntegerType;
            }
            return DataTypes.BooleanType;
        }

        private static boolean isIntegral(DataType type) {
            return type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType);
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

    /**
     * {@code session_window(timeColumn, gap)}: the struct {@code {start, end}} = {@code [time, time + gap)}
     * of one row; the aggregation merges overlapping sessions of a group. The gap is fixed
     * ({@code gapMs}) or an expression giving an interval string per row ({@code gapExpr});
     * rows whose gap is not positive or whose time is null belong to no session, as in Spark.
     */
    public record SessionWindow(Expr time, long gapMs, Expr gapExpr) implements Expr {
        @Override
        public Object eval(Row row) {
            throw new IllegalStateException("session_window is a generator");
        }

        @Override
        public DataType type(StructType schema) {
            if (!time.type(schema).equals(DataTypes.TimestampType)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] session_window requires a "
                        + "timestamp column, but " + time.name() + " is " + time.type(schema).simpleString() + ".");
            }
            if (gapExpr != null) {
                gapExpr.type(schema);
            }
            return WINDOW_TYPE;
        }

        @Override
        public String name() {
            return "session_window";
        }

        @Override
        public boolean isGenerator() {
            return true;
        }

        @Override
        public List<Object> generate(Row row) {
            Object value = time.eval(row);
            long gap = gapMs;
            if (gapExpr != null) {
                Object g = gapExpr.eval(row);
                gap = g == null ? 0 : IntervalParser.toMillis(g.toString());
            }
            if (value == null || gap <= 0) {
                return List.of();
            }
            long t = ((Timestamp) value).getTime();
            return List.of(new Row(WINDOW_TYPE, new Timestamp(t), new Timestamp(t + gap)));
        }
    }

    /** {@code window_time(window)}: the window's last instant, its end minus one microsecond, as in Spark. */
    public record WindowTime(Expr window) implements Expr {
        @Override
        public Object eval(Row row) {
            Object w = window.eval(row);
            return w == null ? null : Timestamp.from(((Timestamp) ((Row) w).get(1)).toInstant().minusNanos(1_000));
        }

        @Override
        public DataType type(StructType schema) {
            if (!window.type(schema).equals(WINDOW_TYPE)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] window_time requires a window "
                        + "column (struct<start:timestamp,end:timestamp>), but " + window.name() + " is "
                        + window.type(schema).simpleString() + ".");
            }
            return DataTypes.TimestampType;
        }

        @Override
        public String name() {
            return "window_time(" + window.name() + ")";
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
                case "collect_list", "collect_set" -> ArrayTypes.of(child.type(schema));
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

    /**
     * {@code struct(cols...)}: a struct of the columns' values, its fields named as the columns
     * ({@code window.start} gives {@code start}, an alias its alias); never null itself.
     */
    public record Struct(List<Expr> fields) implements Expr {
        @Override
        public Object eval(Row row) {
            StructType type = (StructType) type(row.schema());
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = fields.get(i).eval(row);
            }
            return new Row(type, values);
        }

        @Override
        public DataType type(StructType schema) {
            List<StructField> structFields = new ArrayList<>();
            for (Expr field : fields) {
                if (field.isGenerator() || field.isAggregate()) {
                    throw new AnalysisException("struct takes plain columns, not " + field.name());
                }
                structFields.add(new StructField(field.name(), field.type(schema), true));
            }
            return new StructType(structFields);
        }

        @Override
        public String name() {
            return "struct(" + String.join(", ", fields.stream().map(Expr::name).toList()) + ")";
        }
    }

    /**
     * {@code to_json(struct)}: a struct column as a JSON object string, as Spark writes it (null
     * fields left out, timestamps ISO-8601 with milliseconds and offset, in UTC here).
     */
    public record ToJson(Expr child) implements Expr {
        @Override
        public Object eval(Row row) {
            Object value = child.eval(row);
            return value == null ? null : RowFormatter.json((Row) value, java.time.ZoneOffset.UTC);
        }

        @Override
        public DataType type(StructType schema) {
            DataType type = child.type(schema);
            if (!(type instanceof StructType)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.INVALID_JSON_SCHEMA] Cannot resolve \"to_json("
                        + child.name() + ")\" due to data type mismatch: Input schema \"" + type.simpleString().toUpperCase(Locale.ROOT)
                        + "\" must be a struct, an array, a map or a variant.");
            }
            return DataTypes.StringType;
        }

        @Override
        public String name() {
            return "to_json(" + child.name() + ")";
        }
    }

    /**
     * {@code concat(cols...)}: the columns as strings (cast as {@code CAST(x AS STRING)}), joined;
     * null if any is null, as in Spark.
     */
    public record Concat(List<Expr> parts) implements Expr {
        @Override
        public Object eval(Row row) {
            StringBuilder out = new StringBuilder();
            for (Expr part : parts) {
                Object value = part.eval(row);
                if (value == null) {
                    return null;
                }
                out.append(Casts.convert(value, DataTypes.StringType));
            }
            return out.toString();
        }

        @Override
        public DataType type(StructType schema) {
            for (Expr part : parts) {
                DataType type = part.type(schema);
                if (type instanceof StructType || type.equals(ArrayTypes.STRING_ARRAY)) {
                    throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] concat takes strings or "
                            + "values castable to strings, but " + part.name() + " is " + type.simpleString() + ".");
                }
            }
            return DataTypes.StringType;
        }

        @Override
        public String name() {
            return "concat(" + String.join(", ", parts.stream().map(Expr::name).toList()) + ")";
        }
    }

    /**
     * {@code from_json(json, schema)}: a JSON object string as a struct of {@code schema}, as Spark's
     * PERMISSIVE parse: fields that do not convert, and all fields of malformed JSON, are null; a
     * null or blank string gives null.
     */
    public record FromJson(Expr child, StructType schema) implements Expr {
        @Override
        public Object eval(Row row) {
            Object value = child.eval(row);
            if (value == null) {
                return null;
            }
            List<Row> parsed = RowParser.of("json", schema, "PERMISSIVE", null).parse(Casts.convert(value,
                    DataTypes.StringType).toString());
            return parsed.isEmpty() ? null : parsed.get(0);
        }

        @Override
        public DataType type(StructType input) {
            DataType type = child.type(input);
            if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.BinaryType)) {
                throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"from_json("
                        + child.name() + ")\" due to data type mismatch: The first parameter requires the \"STRING\" "
                        + "type, however \"" + child.name() + "\" has the type \"" + type.simpleString().toUpperCase(Locale.ROOT)
                        + "\".");
            }
            return schema;
        }

        @Override
        public String name() {
            return "from_json(" + child.name() + ")";
        }
    }

    /**
     * {@code to_timestamp(str[, format])}: without a format, {@code CAST(str AS TIMESTAMP)}; with
     * one, the string parsed with that datetime pattern in UTC (the session time zone's default),
     * failing as Spark's ANSI mode does on text that does not match.
     */
    public record ToTimestamp(Expr child, String format) implements Expr {
        /** Formatters by pattern: parsing a pattern costs far more than using it, and rows share one. */
        private static final java.util.Map<String, java.time.format.DateTimeFormatter> FORMATTERS =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** The UTC formatter of {@code pattern}; an invalid pattern throws IllegalArgumentException. */
        private static java.time.format.DateTimeFormatter formatter(String pattern) {
            return FORMATTERS.computeIfAbsent(pattern, p -> java.time.format.DateTimeFormatter.ofPattern(p, Locale.US)
                    .withZone(java.time.ZoneOffset.UTC));
        }

        @Override
        public Object eval(Row row) {
            Object value = child.eval(row);
            if (value == null) {
                return null;
            }
            if (format == null || value instanceof Timestamp) {
                return Casts.convert(value, DataTypes.TimestampType);
            }
            String text = value.toString();
            try {
                java.time.temporal.TemporalAccessor parsed = formatter(format).parseBest(text,
                        java.time.ZonedDateTime::from, java.time.LocalDateTime::from, java.time.LocalDate::from);
                java.time.Instant instant = parsed instanceof java.time.ZonedDateTime z ? z.toInstant()
                        : parsed instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC)
                        : ((java.time.LocalDate) parsed).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                return Timestamp.from(instant);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("[CANNOT_PARSE_TIMESTAMP] " + e.getMessage() + ". Use `try_to_timestamp` "
                        + "to tolerate invalid input string and return NULL instead. SQLSTATE: 22007", e);
            }
        }

        @Override
        public DataType type(StructType schema) {
            DataType type = child.type(schema);
            if (format != null) {
                try {
                    formatter(format);
                } catch (IllegalArgumentException e) {
                    throw new AnalysisException("to_timestamp: invalid datetime pattern '" + format + "': " + e.getMessage());
                }
            } else {
                Casts.check(type, DataTypes.TimestampType);
            }
            return DataTypes.TimestampType;
        }

        @Override
        public String name() {
            return "to_timestamp(" + child.name() + (format == null ? "" : ", " + format) + ")";
        }
    }

    /**
     * {@code current_timestamp()}: the wall-clock time (ms) when the row is evaluated. Spark fixes
     * one value per query run (per micro-batch on a stream); here rows of one micro-batch evaluated
     * at different moments may differ by the time between them.
     */
    public record CurrentTimestamp() implements Expr {
        @Override
        public Object eval(Row row) {
            return new Timestamp(System.currentTimeMillis());
        }

        @Override
        public DataType type(StructType schema) {
            return DataTypes.TimestampType;
        }

        @Override
        public String name() {
            return "current_timestamp()";
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
