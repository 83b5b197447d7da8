package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code when(cond, value).when(...).otherwise(value)}: the value of the first branch whose
 * condition is true, else the {@code otherwise} value (null without one); named as Spark names it,
 * {@code CASE WHEN (v > 2) THEN big ELSE small END}.
 *
 * @param otherwise the value when no condition holds; null for none
 */
public record CaseWhen(List<Expr> conditions, List<Expr> values, Expr otherwise) implements Expr {

    public CaseWhen {
        conditions = List.copyOf(conditions);
        values = List.copyOf(values);
    }

    /** This with one more branch. */
    public CaseWhen when(Expr condition, Expr value) {
        List<Expr> moreConditions = new ArrayList<>(conditions);
        moreConditions.add(condition);
        List<Expr> moreValues = new ArrayList<>(values);
        moreValues.add(value);
        return new CaseWhen(moreConditions, moreValues, otherwise);
    }

    @Override
    public Object eval(Row row) {
        for (int i = 0; i < conditions.size(); i++) {
            if (Boolean.TRUE.equals(conditions.get(i).eval(row))) {
                return values.get(i).eval(row);
            }
        }
        return otherwise == null ? null : otherwise.eval(row);
    }

    @Override
    public DataType type(StructType schema) {
        conditions.forEach(condition -> condition.type(schema));
        return values.get(0).type(schema);
    }

    @Override
    public String name() {
        StringBuilder name = new StringBuilder("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            name.append(" WHEN ").append(conditions.get(i).name()).append(" THEN ").append(values.get(i).name());
        }
        if (otherwise != null) {
            name.append(" ELSE ").append(otherwise.name());
        }
        return name.append(" END").toString();
    }
}
