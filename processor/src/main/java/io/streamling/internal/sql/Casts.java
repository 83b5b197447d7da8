package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The value conversions of {@link Exprs.Cast}, as Spark's {@code Cast} with ANSI mode on (Spark 4's default). */
final class Casts {

    private static final List<String> TRUE = List.of("t", "true", "y", "yes", "1");
    private static final List<String> FALSE = List.of("f", "false", "n", "no", "0");

    private Casts() {
    }

    /** The type's name in Spark's messages and column names: {@code STRING}, {@code BIGINT}… */
    static String sqlName(DataType type) {
        return type.simpleString().toUpperCase(Locale.ROOT);
    }

    /** Refuses casts Spark refuses at analysis (binary to numbers, booleans to binary…). */
    static void check(DataType from, DataType to) {
        boolean fromBinary = from.equals(DataTypes.BinaryType);
        boolean toBinary = to.equals(DataTypes.BinaryType);
        boolean ok = from.equals(to) || to.equals(DataTypes.StringType)
                || (fromBinary ? false : toBinary ? from.equals(DataTypes.StringType) : isAtomic(from) && isAtomic(to));
        if (!ok) {
            throw new AnalysisException("[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve \"CAST\" due to data "
                    + "type mismatch: cannot cast \"" + sqlName(from) + "\" to \"" + sqlName(to) + "\".");
        }
    }

    private static boolean isAtomic(DataType type) {
        return List.of(DataTypes.StringType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType,
                DataTypes.BooleanType, DataTypes.TimestampType).contains(type);
    }

    static Object convert(Object value, DataType to) {
        if (value == null) {
            return null;
        }
        if (to.equals(DataTypes.StringType)) {
            return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : value instanceof Timestamp ts ? ShowString.cell(ts, ZoneOffset.UTC) : value.toString();
        } else if (to.equals(DataTypes.BinaryType)) {
            return value instanceof byte[] ? value : value.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof String text) {
            return fromString(text, to);
        }
        if (to.equals(DataTypes.IntegerType)) {
            return value instanceof Boolean b ? (Object) (b ? 1 : 0) : (Object) (int) integral(value, to,
                    Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (to.equals(DataTypes.LongType)) {
            return value instanceof Boolean b ? (Object) (b ? 1L : 0L) : (Object) integral(value, to, Long.MIN_VALUE,
                    Long.MAX_VALUE);
        } else if (to.equals(DataTypes.DoubleType)) {
            return value instanceof Boolean b ? (b ? 1.0 : 0.0) : number(value, to);
        } else if (to.equals(DataTypes.BooleanType)) {
            return value instanceof Boolean ? value : number(value, to) != 0;
        } else if (to.equals(DataTypes.TimestampType)) {
            // numbers are seconds since the epoch, as in Spark
            return value instanceof Timestamp ? value : new Timestamp(Math.round(number(value, to) * 1000));
        }
        throw new IllegalStateException("no cast to " + to);
    }

    /**
     * A number, or a timestamp's whole seconds (rounded down), as an integral value within
     * {@code [min, max]}: a fraction is dropped, as Spark does; a value outside fails with Spark's
     * ANSI {@code CAST_OVERFLOW}.
     */
    private static long integral(Object value, DataType to, long min, long max) {
        if (value instanceof Timestamp ts) {
            return checked(Math.floorDiv(ts.getTime(), 1000L), value, to, min, max);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Math.floor(d) > max || Math.ceil(d) < min) {
                throw overflow(value, to);
            }
            return (long) d;
        }
        return checked(((Number) value).longValue(), value, to, min, max);
    }

    private static long checked(long n, Object value, DataType to, long min, long max) {
        if (n < min || n > max) {
            throw overflow(value, to);
        }
        return n;
    }

    private static ArithmeticException overflow(Object value, DataType to) {
        String literal = value instanceof Double d ? d + "D" : value instanceof Long l ? l + "L"
                : value instanceof Timestamp ts ? "TIMESTAMP '" + ShowString.cell(ts, ZoneOffset.UTC) + "'" : String.valueOf(value);
        String from = value instanceof Double ? "DOUBLE" : value instanceof Long ? "BIGINT"
                : value instanceof Timestamp ? "TIMESTAMP" : "INT";
        return new ArithmeticException("[CAST_OVERFLOW] The value " + literal + " of the type \"" + from + "\" cannot be"
                + " cast to \"" + sqlName(to) + "\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL"
                + " instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003");
    }

    private static double number(Object value, DataType to) {
        if (value instanceof Timestamp ts) { // seconds, to the microsecond
            long micros = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000L + ts.getNanos() / 1000;
            return micros / 1e6;
        }
        return ((Number) value).doubleValue();
    }

    private static Object fromString(String text, DataType to) {
        String trimmed = text.trim();
        try {
            if (to.equals(DataTypes.IntegerType)) {
                return Integer.parseInt(trimmed);
            } else if (to.equals(DataTypes.LongType)) {
                return Long.parseLong(trimmed);
            } else if (to.equals(DataTypes.DoubleType)) {
                return Double.parseDouble(trimmed);
            } else if (to.equals(DataTypes.BooleanType)) {
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (TRUE.contains(lower)) {
                    return true;
                } else if (FALSE.contains(lower)) {
                    return false;
                }
            } else if (to.equals(DataTypes.TimestampType)) {
                return RowParser.parseTimestamp(trimmed);
            }
        } catch (RuntimeException e) {
            // falls through to Spark's error
        }
        throw new IllegalArgumentException("[CAST_INVALID_INPUT] The value '" + text + "' of the type \"STRING\" cannot be "
                + "cast to \"" + sqlName(to) + "\" because it is malformed. Correct the value as per the syntax, or change "
                + "its target type. Use `try_cast` to tolerate malformed input and return NULL instead.");
    }
}
