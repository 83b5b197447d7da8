package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code value IN (a, b, ...)}: the equalities {@code value = a OR value = b ...}, so with SQL's
 * nulls (null when {@code value} is null, or when nothing matched and the list holds a null), named
 * as Spark names it: {@code (k IN (a, b))}.
 *
 * @param value the tested expression
 * @param list the candidates
 * @param anyEqual the disjunction of the equalities, which gives the result
 */
public record InList(Expr value, List<Expr> list, Expr anyEqual) implements Expr {

    public InList {
        list = List.copyOf(list);
    }

    @Override
    public Object eval(Row row) {
        return anyEqual.eval(row);
    }

    @Override
    public DataType type(StructType schema) {
        return DataTypes.BooleanType;
    }

    @Override
    public String name() {
        return "(" + value.name() + " IN (" + list.stream().map(Expr::name).collect(Collectors.joining(", ")) + "))";
    }
}
