package io.streamling.internal.sql;

import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The time-range part of a stream-stream join condition, solved as Spark's
 * StreamingJoinHelper.getStateValueWatermark: for one side ("this" side), each conjunct
 * {@code a < b}, {@code a <= b}, {@code a > b} or {@code a >= b} whose terms are this side's
 * timestamp column, the other side's watermarked column and intervals is rewritten as
 * {@code otherTime + c < thisTime}; with the watermark in place of {@code otherTime}, no future
 * row of the other side (all later than the watermark) can match a row of this side whose time is
 * at or before {@code watermark + c} ({@code - 1 ms} for the inclusive comparisons). The state
 * watermark is the smallest such bound over the conjuncts. A conjunct that does not solve (other
 * columns, several times of one side, this side's time with the wrong sign) is skipped, as in Spark.
 *
 * @param conjuncts the condition's comparisons, each as the terms of {@code left - right} and its operator
 * @param thisSide this side's schema
 * @param otherSide the other side's schema
 * @param otherWatermark the other side's watermark column, or null
 * @param thisIsLeft whether this side is the join's left (a name both sides have is the left's)
 */
public record JoinTimeRange(List<Conjunct> conjuncts, StructType thisSide, StructType otherSide, String otherWatermark,
        boolean thisIsLeft) implements Serializable {

    /** One term of a sum: a column (name) or a constant (ms), possibly negated. */
    record Term(String column, long ms, boolean negated) implements Serializable {
    }

    /** A comparison {@code less < greater} ({@code inclusive}: {@code <=}) as the terms of {@code less - greater}. */
    record Conjunct(List<Term> terms, boolean inclusive) implements Serializable {
    }

    /** The range of {@code condition} for the side {@code thisSide}, the other side watermarked on {@code otherWatermark}. */
    public static JoinTimeRange of(Expr condition, StructType thisSide, StructType otherSide, String otherWatermark,
            boolean thisIsLeft) {
        List<Conjunct> conjuncts = new ArrayList<>();
        if (condition != null) {
            for (Expr e : split(condition, new ArrayList<>())) {
                if (e instanceof Exprs.Binary b) {
                    Conjunct c = switch (b.op()) {
                        case "<" -> conjunct(b.left(), b.right(), false);
                        case "<=" -> conjunct(b.left(), b.right(), true);
                        case ">" -> conjunct(b.right(), b.left(), false);
                        case ">=" -> conjunct(b.right(), b.left(), true);
                        default -> null;
                    };
                    if (c != null) {
                        conjuncts.add(c);
                    }
                }
            }
        }
        return new JoinTimeRange(List.copyOf(conjuncts), thisSide, otherSide, otherWatermark, thisIsLeft);
    }

    private static List<Expr> split(Expr e, List<Expr> out) {
        if (e instanceof Exprs.Binary b && b.op().equals("AND")) {
            split(b.left(), out);
            split(b.right(), out);
        } else {
            out.add(e);
        }
        return out;
    }

    private static Conjunct conjunct(Expr less, Expr greater, boolean inclusive) {
        List<Term> terms = new ArrayList<>();
        if (!collect(less, false, terms) || !collect(greater, true, terms)) {
            return null;
        }
        return new Conjunct(List.copyOf(terms), inclusive);
    }

    /** The terms of {@code e}, as Spark's collectTerms; false when {@code e} is not a sum of columns and intervals. */
    private static boolean collect(Expr e, boolean negate, List<Term> terms) {
        if (e instanceof Exprs.Binary b && (b.op().equals("+") || b.op().equals("-"))) {
            return collect(b.left(), negate, terms) && collect(b.right(), b.op().equals("-") != negate, terms);
        }
        if (e instanceof Exprs.Cast c) {
            return collect(c.child(), negate, terms);
        }
        if (e instanceof Exprs.ColRef c) {
            terms.add(new Term(c.column(), 0, negate));
            return true;
        }
        if (e instanceof Exprs.Lit l && l.value() instanceof Exprs.Interval i) {
            terms.add(new Term(null, i.ms(), negate));
            return true;
        }
        return false;
    }

    /**
     * The state watermark (ms) of this side at event-time watermark {@code watermarkMs}: rows of this
     * side whose time is at or before it can no longer match; empty when no conjunct solves.
     */
    public OptionalLong stateWatermark(long watermarkMs) {
        if (otherWatermark == null) {
            return OptionalLong.empty();
        }
        OptionalLong min = OptionalLong.empty();
        for (Conjunct c : conjuncts) {
            OptionalLong bound = solve(c, watermarkMs);
            if (bound.isPresent() && (min.isEmpty() || bound.getAsLong() < min.getAsLong())) {
                min = bound;
            }
        }
        return min;
    }

    /** Whether the condition bounds this side's time by the other side's watermark (Spark's check at start()). */
    public boolean bounds() {
        return stateWatermark(1_000_000).isPresent();
    }

    private OptionalLong solve(Conjunct c, long watermarkMs) {
        Set<String> mine = new LinkedHashSet<>();
        Set<String> theirs = new LinkedHashSet<>();
        for (Term t : c.terms()) {
            if (t.column() != null) {
                (isThis(t.column()) ? mine : theirs).add(t.column().toLowerCase(Locale.ROOT));
            }
        }
        if (mine.size() > 1 || theirs.size() > 1) {
            return OptionalLong.empty(); // more than one column of a side: Spark cannot solve it
        }
        List<Term> constraint = c.terms().stream().filter(t -> t.column() != null && isThis(t.column())
                && DataTypes.TimestampType.equals(thisSide.apply(thisSide.fieldIndex(resolve(thisSide, t.column())))
                        .dataType())).toList();
        if (constraint.size() != 1 || !constraint.get(0).negated()) {
            return OptionalLong.empty(); // this side's time must be on the greater side of the comparison
        }
        long value = 0;
        for (Term t : c.terms()) {
            if (t == constraint.get(0)) {
                continue;
            }
            long v;
            if (t.column() == null) {
                v = t.ms();
            } else if (!isThis(t.column()) && t.column().equalsIgnoreCase(otherWatermark)) {
                v = watermarkMs;
            } else {
                return OptionalLong.empty(); // another column: not a time range
            }
            value += t.negated() ? -v : v;
        }
        // the state watermark removes times <= it; an inclusive bound keeps the bound itself
        return OptionalLong.of(c.inclusive() ? value - 1 : value);
    }

    /** Whether {@code column} is this side's: names resolve to the left side first, as in the joined row. */
    private boolean isThis(String column) {
        return resolve(thisSide, column) != null && (thisIsLeft || resolve(otherSide, column) == null);
    }

    private static String resolve(StructType schema, String column) {
        for (String name : schema.fieldNames()) {
            if (name.equalsIgnoreCase(column)) {
                return name;
            }
        }
        return null;
    }
}
