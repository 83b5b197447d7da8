package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions over aggregates in {@code agg(...)}, as Spark allows them:
 * {@code max(t).cast("string")}, {@code sum(v) / count(v)}, {@code (max(v) - min(v)).as("range")}.
 * Each aggregate inside is computed by the aggregation under a name of its own, and the expression
 * is then evaluated over those columns by a projection after it, named as Spark names it. Casts,
 * arithmetic, comparisons and scalar functions ({@code round(avg(v), 2)}) can wrap aggregates; anything else that does is refused, with
 * Spark's message for an expression that is not an aggregate.
 */
public final class AggregateOutputs {

    private static final String PREFIX = "__agg";

    /** The aggregates to compute, each aliased to a hidden column name. */
    private final List<Expr> aggregates = new ArrayList<>();
    /** Per requested expression: the same over the hidden columns, named as requested. */
    private final List<Expr> outputs = new ArrayList<>();

    private AggregateOutputs() {
    }

    /**
     * Splits {@code requested} when any of them is an expression over aggregates; null when each is
     * an aggregate itself (possibly aliased), which the aggregation computes directly.
     */
    public static AggregateOutputs of(List<Expr> requested) {
        if (requested.stream().allMatch(AggregateOutputs::isPlainAggregate)) {
            return null;
        }
        AggregateOutputs split = new AggregateOutputs();
        for (Expr expr : requested) {
            if (!containsAggregate(expr)) {
                throw Aggregation.notAnAggregate(expr);
            }
            split.outputs.add(new Exprs.Alias(split.extract(expr), expr.name()));
        }
        return split;
    }

    /** The aggregates the aggregation computes. */
    public List<Expr> aggregates() {
        return List.copyOf(aggregates);
    }

    /** The requested expressions over the aggregation's output columns. */
    public List<Expr> outputs() {
        return List.copyOf(outputs);
    }

    private static boolean isPlainAggregate(Expr expr) {
        Expr inner = expr;
        while (inner instanceof Exprs.Alias alias) {
            inner = alias.child();
        }
        return inner instanceof Exprs.Agg;
    }

    /** Whether {@code expr} is an aggregate or an expression over aggregates that {@code agg()} accepts. */
    static boolean containsAggregate(Expr expr) {
        if (expr instanceof Exprs.Agg) {
            return true;
        } else if (expr instanceof Exprs.Alias alias) {
            return containsAggregate(alias.child());
        } else if (expr instanceof Exprs.Cast cast) {
            return containsAggregate(cast.child());
        } else if (expr instanceof Exprs.Binary binary) {
            return containsAggregate(binary.left()) || containsAggregate(binary.right());
        } else if (expr instanceof ScalarCall call) {
            return call.args().stream().anyMatch(AggregateOutputs::containsAggregate);
        } else if (expr instanceof ArrayAccess access) {
            return containsAggregate(access.child());
        }
        return false;
    }

    private Expr extract(Expr expr) {
        if (expr instanceof Exprs.Agg agg) {
            String name = PREFIX + aggregates.size();
            aggregates.add(new Exprs.Alias(agg, name));
            return new Exprs.ColRef(name);
        } else if (expr instanceof Exprs.Alias alias) {
            return new Exprs.Alias(extract(alias.child()), alias.alias());
        } else if (expr instanceof Exprs.Cast cast) {
            return new Exprs.Cast(extract(cast.child()), cast.to());
        } else if (expr instanceof Exprs.Binary binary) {
            return new Exprs.Binary(binary.op(), extract(binary.left()), extract(binary.right()));
        } else if (expr instanceof ScalarCall call) {
            return new ScalarCall(call.function(), call.args().stream().map(this::extract).toList());
        } else if (expr instanceof ArrayAccess access) {
            return new ArrayAccess(extract(access.child()), access.index());
        } else if (expr.isAggregate()) {
            throw new AnalysisException("expression '" + expr.name() + "' wraps an aggregate in a function "
                    + "Streamling cannot apply after aggregating; apply it in a select() after agg()");
        }
        return expr;
    }
}
