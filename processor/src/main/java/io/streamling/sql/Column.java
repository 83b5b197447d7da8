package io.streamling.sql;

import io.streamling.internal.sql.Expr;
import io.streamling.internal.sql.Exprs;

/** A column expression of a {@link Dataset}, built with {@link functions}. Immutable. */
public final class Column {

    private final Expr expr;

    /** A column reading the input column {@code name} ({@code a.b} for a struct field). */
    public Column(String name) {
        this(new Exprs.ColRef(name));
    }

    /** Internal: a column of an expression. */
    public Column(Expr expr) {
        this.expr = expr;
    }

    /** Internal: the expression. */
    public Expr expr() {
        return expr;
    }

    /** This column renamed. */
    public Column alias(String alias) {
        return new Column(new Exprs.Alias(expr, alias));
    }

    /** This column renamed. */
    public Column as(String alias) {
        return alias(alias);
    }

    /** This column renamed. */
    public Column name(String alias) {
        return alias(alias);
    }

    /** A field of this struct column, such as {@code window.start}. */
    public Column getField(String field) {
        if (expr instanceof Exprs.ColRef ref) {
            return new Column(ref.column() + "." + field);
        }
        throw new AnalysisException("getField is supported on named struct columns only");
    }

    /** {@code this = other}. */
    public Column equalTo(Object other) {
        return binary("=", other);
    }

    /** {@code this != other}. */
    public Column notEqual(Object other) {
        return binary("!=", other);
    }

    /** {@code this > other}. */
    public Column gt(Object other) {
        return binary(">", other);
    }

    /** {@code this >= other}. */
    public Column geq(Object other) {
        return binary(">=", other);
    }

    /** {@code this < other}. */
    public Column lt(Object other) {
        return binary("<", other);
    }

    /** {@code this <= other}. */
    public Column leq(Object other) {
        return binary("<=", other);
    }

    /** {@code this AND other}. */
    public Column and(Column other) {
        return binary("AND", other);
    }

    /** {@code this OR other}. */
    public Column or(Column other) {
        return binary("OR", other);
    }

    /** {@code this + other}. */
    public Column plus(Object other) {
        return binary("+", other);
    }

    /** {@code this - other}. */
    public Column minus(Object other) {
        return binary("-", other);
    }

    /** {@code this * other}. */
    public Column multiply(Object other) {
        return binary("*", other);
    }

    /** {@code this / other}: a double, as Spark's division; a zero divisor fails (Spark 4's ANSI mode). */
    public Column divide(Object other) {
        return binary("/", other);
    }

    /** {@code this % other}: the remainder, with the sign of {@code this}; a zero divisor fails. */
    public Column mod(Object other) {
        return binary("%", other);
    }

    /** This column, descending, for {@code orderBy}. */
    public Column desc() {
        return new Column(new Exprs.Sort(expr, false));
    }

    /** This column, ascending, for {@code orderBy}. */
    public Column asc() {
        return new Column(new Exprs.Sort(expr, true));
    }

    /** True where this is null. */
    public Column isNull() {
        return new Column(new Exprs.NullTest(expr, true));
    }

    /** True where this is not null. */
    public Column isNotNull() {
        return new Column(new Exprs.NullTest(expr, false));
    }

    /** This column converted to {@code to}, as SQL's {@code CAST(col AS to)}. */
    public Column cast(io.streamling.sql.types.DataType to) {
        return new Column(new Exprs.Cast(expr, to));
    }

    /** This column converted to the type named {@code to} ({@code "string"}, {@code "int"}…). */
    public Column cast(String to) {
        return cast(io.streamling.sql.types.DataTypes.fromDdl(to));
    }

    private Column binary(String op, Object other) {
        return new Column(new Exprs.Binary(op, expr, functions.lit(other).expr()));
    }

    @Override
    public String toString() {
        return expr.name();
    }
}
