package io.streamling.sql;

import io.streamling.internal.sql.ArrayAccess;
import io.streamling.internal.sql.CaseWhen;
import io.streamling.internal.sql.Exprs;
import io.streamling.internal.sql.IntervalParser;
import io.streamling.internal.sql.ScalarCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The column functions of the first slice, as Spark's {@code org.apache.spark.sql.functions}. */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {

    private functions() {
    }

    /** The input column {@code name}. */
    public static Column col(String name) {
        return new Column(name);
    }

    /** The input column {@code name}. */
    public static Column column(String name) {
        return col(name);
    }

    /** A column from an SQL expression: {@code expr("CAST(value AS STRING)")}, {@code expr("length(word) AS len")}. */
    public static Column expr(String expression) {
        return io.streamling.internal.sql.MiniSql.expression(expression);
    }

    /** A constant column; a {@link Column} is returned as is. */
    public static Column lit(Object value) {
        return value instanceof Column column ? column : new Column(new Exprs.Lit(value));
    }

    /** The first value of {@code value}s whose condition holds; chain {@link Column#when} and {@link Column#otherwise}. */
    public static Column when(Column condition, Object value) {
        return new Column(new CaseWhen(List.of(condition.expr()), List.of(lit(value).expr()), null));
    }

    /** The first of the columns that is not null. */
    public static Column coalesce(Column... cols) {
        return call("coalesce", cols);
    }

    /** A string without its leading and trailing spaces. */
    public static Column trim(Column e) {
        return call("trim", e);
    }

    /** A string without its leading spaces. */
    public static Column ltrim(Column e) {
        return call("ltrim", e);
    }

    /** A string without its trailing spaces. */
    public static Column rtrim(Column e) {
        return call("rtrim", e);
    }

    /** {@code len} characters from 1-based position {@code pos} (counted from the end when negative). */
    public static Column substring(Column str, int pos, int len) {
        return call("substring", str, lit(pos), lit(len));
    }

    /** Every match of the Java regular expression {@code pattern} replaced ({@code $1} names a group). */
    public static Column regexp_replace(Column e, String pattern, String replacement) {
        return call("regexp_replace", e, lit(pattern), lit(replacement));
    }

    /** The columns' values (and array elements) joined by {@code sep}, nulls skipped. */
    public static Column concat_ws(String sep, Column... exprs) {
        List<Column> args = new ArrayList<>();
        args.add(lit(sep));
        args.addAll(List.of(exprs));
        return call("concat_ws", args.toArray(Column[]::new));
    }

    /** A number rounded half up to a whole number. */
    public static Column round(Column e) {
        return call("round", e);
    }

    /** A number rounded half up to {@code scale} decimal places. */
    public static Column round(Column e, int scale) {
        return call("round", e, lit(scale));
    }

    /** The absolute value. */
    public static Column abs(Column e) {
        return call("abs", e);
    }

    /** The year of a timestamp, in the session time zone. */
    public static Column year(Column e) {
        return call("year", e);
    }

    /** The month (1 to 12) of a timestamp. */
    public static Column month(Column e) {
        return call("month", e);
    }

    /** The day of the month of a timestamp. */
    public static Column dayofmonth(Column e) {
        return call("dayofmonth", e);
    }

    /** The hour of a timestamp. */
    public static Column hour(Column e) {
        return call("hour", e);
    }

    /** The minute of a timestamp. */
    public static Column minute(Column e) {
        return call("minute", e);
    }

    /** The second of a timestamp. */
    public static Column second(Column e) {
        return call("second", e);
    }

    /** A timestamp as text in {@code format} ({@code yyyy-MM-dd HH:mm}). */
    public static Column date_format(Column dateExpr, String format) {
        return call("date_format", dateExpr, lit(format));
    }

    /** The string left-padded with repeats of {@code pad} to {@code len} characters (or cut to them). */
    public static Column lpad(Column str, int len, String pad) {
        return call("lpad", str, lit(len), lit(pad));
    }

    /** The string right-padded with repeats of {@code pad} to {@code len} characters (or cut to them). */
    public static Column rpad(Column str, int len, String pad) {
        return call("rpad", str, lit(len), lit(pad));
    }

    /** The string in lower case with the first letter of each space-separated word in upper case. */
    public static Column initcap(Column e) {
        return call("initcap", e);
    }

    /** The string backwards. */
    public static Column reverse(Column e) {
        return call("reverse", e);
    }

    /** The string {@code n} times. */
    public static Column repeat(Column str, int n) {
        return call("repeat", str, lit(n));
    }

    /** The 1-based position of {@code substring} in the string, 0 when absent. */
    public static Column instr(Column str, String substring) {
        return call("instr", str, lit(substring));
    }

    /** Each character of {@code matchingString} replaced by the one at its place in {@code replaceString}, or removed. */
    public static Column translate(Column src, String matchingString, String replaceString) {
        return call("translate", src, lit(matchingString), lit(replaceString));
    }

    /** The square root, as a double (NaN for a negative number). */
    public static Column sqrt(Column e) {
        return call("sqrt", e);
    }

    /** e to the power of a number. */
    public static Column exp(Column e) {
        return call("exp", e);
    }

    /** The natural logarithm; null for a number that is not positive. */
    public static Column log(Column e) {
        return call("ln", e);
    }

    /** The logarithm in base 10; null for a number that is not positive. */
    public static Column log10(Column e) {
        return call("log10", e);
    }

    /** A number to the power of {@code p}, as a double. */
    public static Column pow(Column l, double p) {
        return call("power", l, lit(p));
    }

    /** Group {@code idx} of the first match of the Java regular expression {@code exp}, "" when there is none. */
    public static Column regexp_extract(Column e, String exp, int groupIdx) {
        return call("regexp_extract", e, lit(exp), lit(groupIdx));
    }

    /** Whether the array column holds {@code value} (null when it does not but holds a null). */
    public static Column array_contains(Column column, Object value) {
        return call("array_contains", column, lit(value));
    }

    /** The array's element at 1-based {@code index}, negative from the end; 0 or outside the array fails. */
    public static Column element_at(Column column, int index) {
        return call("element_at", column, lit(index));
    }

    /** The array's non-null elements joined by {@code delimiter}. */
    public static Column array_join(Column column, String delimiter) {
        return call("array_join", column, lit(delimiter));
    }

    /** Whether a double is NaN (false for null). */
    public static Column isnan(Column e) {
        return call("isnan", e);
    }

    /** Seconds since the epoch of a timestamp column, as a bigint. */
    public static Column unix_timestamp(Column e) {
        return unix_timestamp(e, "yyyy-MM-dd HH:mm:ss");
    }

    /** Seconds since the epoch of a timestamp, or of text in {@code format} (UTC); text that does not parse fails. */
    public static Column unix_timestamp(Column e, String format) {
        return call("unix_timestamp", e, lit(format));
    }

    /** Seconds since the epoch as text {@code yyyy-MM-dd HH:mm:ss} (UTC). */
    public static Column from_unixtime(Column e) {
        return from_unixtime(e, "yyyy-MM-dd HH:mm:ss");
    }

    /** Seconds since the epoch as text in {@code format} (UTC). */
    public static Column from_unixtime(Column e, String format) {
        return call("from_unixtime", e, lit(format));
    }

    /**
     * A timestamp truncated to the start of its {@code unit} (year, quarter, month, week, day, hour,
     * minute, second, …; UTC); null for an unknown unit.
     */
    public static Column date_trunc(String unit, Column timestamp) {
        return call("date_trunc", timestamp, lit(unit));
    }

    private static Column call(String function, Column... args) {
        return new Column(new ScalarCall(function, Arrays.stream(args).map(Column::expr).toList()));
    }

    /** The number of characters of a string. */
    public static Column length(Column e) {
        return new Column(new Exprs.Unary("length", e.expr()));
    }

    /** A string in lower case. */
    public static Column lower(Column e) {
        return new Column(new Exprs.Unary("lower", e.expr()));
    }

    /** A string in upper case. */
    public static Column upper(Column e) {
        return new Column(new Exprs.Unary("upper", e.expr()));
    }

    /** Logical negation. */
    public static Column not(Column e) {
        return new Column(new Exprs.Unary("not", e.expr()));
    }

    /** A string split around matches of a regular expression, as an array. */
    public static Column split(Column str, String pattern) {
        return new Column(new Exprs.Split(str.expr(), pattern));
    }

    /** One row per element of an array column; the column is named {@code col}. */
    public static Column explode(Column e) {
        return new Column(new Exprs.Explode(e.expr()));
    }

    /** A struct of the columns, its fields named as the columns: {@code struct(col("word"), col("count"))}. */
    public static Column struct(Column... cols) {
        return new Column(new Exprs.Struct(java.util.Arrays.stream(cols).map(Column::expr).toList()));
    }

    /** A struct of the named columns. */
    public static Column struct(String colName, String... colNames) {
        java.util.List<Column> cols = new java.util.ArrayList<>();
        cols.add(col(colName));
        for (String name : colNames) {
            cols.add(col(name));
        }
        return struct(cols.toArray(Column[]::new));
    }

    /**
     * A struct column as a JSON string, as Spark writes it: {@code {"word":"cat","count":1}}, null
     * fields left out, timestamps as {@code 2026-01-01T12:00:00.000Z}.
     */
    public static Column to_json(Column e) {
        return new Column(new Exprs.ToJson(e.expr()));
    }

    /** The columns as strings, joined; null if any of them is null. */
    public static Column concat(Column... exprs) {
        return new Column(new Exprs.Concat(java.util.Arrays.stream(exprs).map(Column::expr).toList()));
    }

    /**
     * A JSON string column parsed into a struct of {@code schema}: fields that do not convert, and
     * every field of malformed JSON, are null (Spark's PERMISSIVE mode); a null string gives null.
     */
    public static Column from_json(Column e, io.streamling.sql.types.StructType schema) {
        return new Column(new Exprs.FromJson(e.expr(), schema));
    }

    /** As {@link #from_json(Column, io.streamling.sql.types.StructType)}, the schema in DDL: {@code "time TIMESTAMP, action STRING"}. */
    public static Column from_json(Column e, String schema) {
        return from_json(e, io.streamling.sql.types.StructType.fromDDL(schema));
    }

    /**
     * The current time as a timestamp column. Unlike Spark, which fixes it once per micro-batch,
     * it is read when each row is evaluated.
     */
    public static Column current_timestamp() {
        return new Column(new Exprs.CurrentTimestamp());
    }

    /** A string as a timestamp, as {@code CAST(s AS TIMESTAMP)}. */
    public static Column to_timestamp(Column s) {
        return new Column(new Exprs.ToTimestamp(s.expr(), null));
    }

    /** A string as a timestamp, parsed with a datetime pattern such as {@code yyyy-MM-dd HH:mm:ss}, in UTC. */
    public static Column to_timestamp(Column s, String format) {
        return new Column(new Exprs.ToTimestamp(s.expr(), format));
    }

    /** Tumbling event-time windows: the struct {@code window{start, end}} holding each row's time. */
    public static Column window(Column timeColumn, String windowDuration) {
        return window(timeColumn, windowDuration, windowDuration, "0 seconds");
    }

    /** Sliding event-time windows: a row falls in every window that holds its time. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration) {
        return window(timeColumn, windowDuration, slideDuration, "0 seconds");
    }

    /** Sliding event-time windows whose starts are offset from the epoch by {@code startTime}. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration, String startTime) {
        long window = IntervalParser.toMillis(windowDuration);
        long slide = IntervalParser.toMillis(slideDuration);
        if (slide <= 0 || window <= 0 || slide > window) {
            throw new AnalysisException("The slide duration (" + slideDuration
                    + ") must be positive and at most the window duration (" + windowDuration + ").");
        }
        return new Column(new Exprs.TimeWindow(timeColumn.expr(), window, slide, IntervalParser.toMillis(startTime)));
    }

    /**
     * Session windows: a session starts at a row's time and lasts {@code gapDuration}; rows of a
     * group whose sessions overlap share one session {@code {start, end}}, from the first row to
     * the last plus the gap. Needs another grouping column on a stream; not in update mode.
     */
    public static Column session_window(Column timeColumn, String gapDuration) {
        long gap = IntervalParser.toMillis(gapDuration);
        if (gap <= 0) {
            throw new AnalysisException("The session window gap duration (" + gapDuration + ") must be positive.");
        }
        return new Column(new Exprs.SessionWindow(timeColumn.expr(), gap, null));
    }

    /**
     * Session windows whose gap is computed per row ({@code "5 minutes"}-style strings); rows with
     * a null or non-positive gap belong to no session.
     */
    public static Column session_window(Column timeColumn, Column gapDuration) {
        return new Column(new Exprs.SessionWindow(timeColumn.expr(), 0, gapDuration.expr()));
    }

    /**
     * The time of a window: its end minus one millisecond (Spark: one microsecond; Streamling
     * timestamps have millisecond precision), so that it falls inside the window.
     */
    public static Column window_time(Column windowColumn) {
        return new Column(new Exprs.WindowTime(windowColumn.expr()));
    }

    /** The number of rows ({@code count(*)}: the column is named {@code count(1)}). */
    public static Column count(String columnName) {
        return columnName.equals("*") ? new Column(new Exprs.Agg("count", null)) : count(col(columnName));
    }

    /** The number of non-null values. */
    public static Column count(Column e) {
        return new Column(new Exprs.Agg("count", e.expr()));
    }

    /** The sum: bigint for integral input, double otherwise. */
    public static Column sum(Column e) {
        return new Column(new Exprs.Agg("sum", e.expr()));
    }

    /** The non-null values of a column in a group, as an array, in the order they came (empty if none). */
    public static Column collect_list(Column e) {
        return new Column(new Exprs.Agg("collect_list", e.expr()));
    }

    /** As {@link #collect_list(Column)}. */
    public static Column collect_list(String columnName) {
        return collect_list(col(columnName));
    }

    /** The distinct non-null values of a column in a group, as an array (empty if none). */
    public static Column collect_set(Column e) {
        return new Column(new Exprs.Agg("collect_set", e.expr()));
    }

    /** As {@link #collect_set(Column)}. */
    public static Column collect_set(String columnName) {
        return collect_set(col(columnName));
    }

    /** The number of elements of an array column; null for a null array (Spark 4's ANSI mode). */
    public static Column size(Column e) {
        return new Column(ArrayAccess.size(e.expr()));
    }

    /** The largest integer not above a number, as a bigint. */
    public static Column floor(Column e) {
        return call("floor", e);
    }

    /** The smallest integer not below a number, as a bigint. */
    public static Column ceil(Column e) {
        return call("ceil", e);
    }

    /** The sum of a column. */
    public static Column sum(String columnName) {
        return sum(col(columnName));
    }

    /** The mean, as a double. */
    public static Column avg(Column e) {
        return new Column(new Exprs.Agg("avg", e.expr()));
    }

    /** The mean of a column. */
    public static Column avg(String columnName) {
        return avg(col(columnName));
    }

    /** The smallest value. */
    public static Column min(Column e) {
        return new Column(new Exprs.Agg("min", e.expr()));
    }

    /** The smallest value of a column. */
    public static Column min(String columnName) {
        return min(col(columnName));
    }

    /** The largest value. */
    public static Column max(Column e) {
        return new Column(new Exprs.Agg("max", e.expr()));
    }

    /** The largest value of a column. */
    public static Column max(String columnName) {
        return max(col(columnName));
    }
}
