package io.streamling.sql;

import io.streamling.internal.sql.Exprs;
import io.streamling.internal.sql.IntervalParser;

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

    /** The struct a JSON string column holds, with the fields of {@code schema} (a DDL string). */
    public static Column from_json(Column e, String schema) {
        return from_json(e, io.streamling.sql.types.StructType.fromDDL(schema));
    }

    /** The struct a JSON string column holds, with the fields of {@code schema}. */
    public static Column from_json(Column e, io.streamling.sql.types.StructType schema) {
        return new Column(new Exprs.FromJson(e.expr(), schema));
    }

    /** The columns' values joined as one string; null when any is null. */
    public static Column concat(Column... exprs) {
        return new Column(new Exprs.Concat(java.util.Arrays.stream(exprs).map(Column::expr).toList()));
    }

    /** One row per element of an array column; the column is named {@code col}. */
    public static Column explode(Column e) {
        return new Column(new Exprs.Explode(e.expr()));
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
