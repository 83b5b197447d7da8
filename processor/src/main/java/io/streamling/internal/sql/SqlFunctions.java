package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Column;
import io.streamling.sql.functions;
import java.util.List;
import java.util.Locale;

/**
 * The functions a SQL text ({@code selectExpr}, {@code expr}, {@code spark.sql}) may call, mapped
 * onto {@link functions}: the aggregates, {@code length}, {@code lower}, {@code upper},
 * {@code trim}, {@code ltrim}, {@code rtrim}, {@code abs}, the date parts, {@code coalesce},
 * {@code concat}, {@code concat_ws}, {@code round}, {@code substring} / {@code substr},
 * {@code regexp_replace}, {@code date_format}, {@code to_timestamp}. Arguments Spark takes as
 * constants (a scale, a position, a pattern) must be literals.
 */
final class SqlFunctions {

    private SqlFunctions() {
    }

    /**
     * The call of {@code name} on {@code args}; {@code args} is null for {@code count(*)}.
     *
     * @throws AnalysisException for an unknown function or a wrong number of arguments, as Spark words them
     */
    static Column call(String name, List<Column> args) {
        String f = name.toLowerCase(Locale.ROOT);
        if (args == null) {
            if (!f.equals("count")) {
                throw new AnalysisException("[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in " + name + ".");
            }
            return functions.count("*");
        }
        return switch (f) {
            case "count" -> functions.count(one(f, args));
            case "sum" -> functions.sum(one(f, args));
            case "avg", "mean" -> functions.avg(one(f, args));
            case "min" -> functions.min(one(f, args));
            case "max" -> functions.max(one(f, args));
            case "length" -> functions.length(one(f, args));
            case "lower" -> functions.lower(one(f, args));
            case "upper" -> functions.upper(one(f, args));
            case "trim" -> functions.trim(one(f, args));
            case "ltrim" -> functions.ltrim(one(f, args));
            case "rtrim" -> functions.rtrim(one(f, args));
            case "abs" -> functions.abs(one(f, args));
            case "year" -> functions.year(one(f, args));
            case "month" -> functions.month(one(f, args));
            case "day", "dayofmonth" -> functions.dayofmonth(one(f, args));
            case "hour" -> functions.hour(one(f, args));
            case "minute" -> functions.minute(one(f, args));
            case "second" -> functions.second(one(f, args));
            case "coalesce" -> functions.coalesce(args.toArray(Column[]::new));
            case "concat" -> functions.concat(args.toArray(Column[]::new));
            case "concat_ws" -> functions.concat_ws(text(args, 0, f, args.size() >= 1),
                    args.subList(1, args.size()).toArray(Column[]::new));
            case "round" -> args.size() == 1 ? functions.round(args.get(0))
                    : functions.round(args.get(0), number(args, 1, f, args.size() == 2));
            case "substring", "substr" -> new Column(new ScalarCall(f, args.size() == 2
                    ? List.of(args.get(0).expr(), literalExpr(args, 1, f, true))
                    : List.of(args.get(0).expr(), literalExpr(args, 1, f, args.size() == 3), literalExpr(args, 2, f, true))));
            case "regexp_replace" -> functions.regexp_replace(args.get(0), text(args, 1, f, args.size() == 3),
                    text(args, 2, f, true));
            case "date_format" -> functions.date_format(args.get(0), text(args, 1, f, args.size() == 2));
            case "split" -> functions.split(args.get(0), text(args, 1, f, args.size() == 2));
            case "explode" -> functions.explode(one(f, args));
            case "size" -> functions.size(one(f, args));
            case "isnan" -> functions.isnan(one(f, args));
            case "lpad", "rpad" -> new Column(new ScalarCall(f, List.of(args.get(0).expr(),
                    literalExpr(args, 1, f, args.size() == 3), literalExpr(args, 2, f, true))));
            case "initcap" -> functions.initcap(one(f, args));
            case "regexp_extract" -> functions.regexp_extract(args.get(0), text(args, 1, f, args.size() == 3),
                    number(args, 2, f, true));
            case "array_contains" -> functions.array_contains(args.get(0), literal(args, 1, f, args.size() == 2));
            case "element_at" -> functions.element_at(args.get(0), number(args, 1, f, args.size() == 2));
            case "array_join" -> functions.array_join(args.get(0), text(args, 1, f, args.size() == 2));
            case "reverse" -> functions.reverse(one(f, args));
            case "repeat" -> functions.repeat(args.get(0), number(args, 1, f, args.size() == 2));
            case "instr" -> functions.instr(args.get(0), text(args, 1, f, args.size() == 2));
            case "translate" -> functions.translate(args.get(0), text(args, 1, f, args.size() == 3), text(args, 2, f, true));
            case "sqrt" -> functions.sqrt(one(f, args));
            case "exp" -> functions.exp(one(f, args));
            case "ln" -> functions.log(one(f, args));
            case "log10" -> functions.log10(one(f, args));
            case "pow", "power" -> new Column(new ScalarCall("power", List.of(args.get(0).expr(),
                    literalExpr(args, 1, f, args.size() == 2))));
            case "unix_timestamp" -> args.size() == 1 ? functions.unix_timestamp(args.get(0))
                    : functions.unix_timestamp(args.get(0), text(args, 1, f, args.size() == 2));
            case "from_unixtime" -> args.size() == 1 ? functions.from_unixtime(args.get(0))
                    : functions.from_unixtime(args.get(0), text(args, 1, f, args.size() == 2));
            case "date_trunc" -> functions.date_trunc(text(args, 0, f, args.size() == 2), args.get(1));
            case "collect_list" -> functions.collect_list(one(f, args));
            case "collect_set" -> functions.collect_set(one(f, args));
            case "floor" -> functions.floor(one(f, args));
            case "ceil", "ceiling" -> functions.ceil(one(f, args));
            case "from_json" -> functions.from_json(args.get(0), text(args, 1, f, args.size() == 2));
            case "to_json" -> functions.to_json(one(f, args));
            case "struct" -> functions.struct(args.toArray(Column[]::new));
            case "current_timestamp", "now" -> {
                check(f, args.isEmpty(), args);
                yield functions.current_timestamp();
            }
            case "to_timestamp" -> args.size() == 1 ? functions.to_timestamp(args.get(0))
                    : functions.to_timestamp(args.get(0), text(args, 1, f, args.size() == 2));
            default -> throw new AnalysisException("[UNRESOLVED_ROUTINE] Cannot resolve routine `" + name + "`.");
        };
    }

    private static Column one(String f, List<Column> args) {
        check(f, args.size() == 1, args);
        return args.get(0);
    }

    private static String text(List<Column> args, int i, String f, boolean arity) {
        return String.valueOf(literal(args, i, f, arity));
    }

    private static int number(List<Column> args, int i, String f, boolean arity) {
        return ((Number) literal(args, i, f, arity)).intValue();
    }

    /** A constant argument as it is, named by the name Spark gives the call ({@code substr} keeps its name). */
    private static Exprs.Lit literalExpr(List<Column> args, int i, String f, boolean arity) {
        return new Exprs.Lit(literal(args, i, f, arity));
    }

    private static Object literal(List<Column> args, int i, String f, boolean arity) {
        check(f, arity && i < args.size(), args);
        if (!(args.get(i).expr() instanceof Exprs.Lit lit)) {
            throw new AnalysisException("[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve \"" + f + "\": argument "
                    + (i + 1) + " must be a constant, not " + args.get(i).expr().name() + ".");
        }
        return lit.value();
    }

    private static void check(String f, boolean ok, List<Column> args) {
        if (!ok) {
            throw new AnalysisException("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `" + f + "` requires a different number"
                    + " of parameters than " + args.size() + ".");
        }
    }
}
