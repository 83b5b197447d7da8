package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.Column;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.functions;
import io.streamling.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL subset of {@code spark.sql(...)}, over a snapshot of a table:
 * {@code SELECT [DISTINCT] item, ... FROM table [WHERE cond [AND|OR cond]...] [GROUP BY col-or-alias, ...
 * [HAVING cond]] [ORDER BY col [ASC|DESC], ...] [LIMIT n]}, where an item is {@code *}, a column, a literal, or
 * {@code count(*)}, a function call ({@link SqlFunctions}: {@code round(avg(v), 2)}, {@code coalesce(a, b)}…), optionally
 * {@code [AS] alias}, items combined with {@code + - * / %}, and a condition compares two such
 * operands with {@code = != <> < <= > >=}, {@code BETWEEN}, {@code [NOT] IN (...)}, {@code [NOT] LIKE} /
 * {@code RLIKE 'pattern'}, or tests one with
 * {@code IS [NOT] NULL}; conditions combine with {@code NOT}, {@code AND}, {@code OR}; an operand
 * may be a {@code CASE WHEN ... THEN ... [ELSE ...] END}.
 * It is translated into the Dataset API, so results equal the Dataset operations'.
 */
public final class MiniSql {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:[^'\\\\]|\\\\.|'')*')|(`[^`]+`)|([A-Za-z_][A-Za-z0-9_.]*)|(-?\\d+(?:\\.\\d+)?)|(<>|!=|<=|>=|[=<>(),*/%+\\-]))");

    private final List<String> tokens;
    private int pos;

    private MiniSql(String query) {
        tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(query.trim());
        int at = 0;
        while (at < query.trim().length()) {
            if (!m.find(at) || m.start() != at) {
                throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '"
                        + query.trim().substring(at).trim() + "'.");
            }
            String t = m.group().trim();
            tokens.add(t.startsWith("`") ? t.substring(1, t.length() - 1) : t);
            at = m.end();
        }
    }

    /** Runs {@code query} against the session's tables. */
    public static Dataset<Row> run(SparkSession session, String query) {
        return new MiniSql(query.replaceAll(";\\s*$", "")).select(session);
    }

    /**
     * One select item of {@code selectExpr} / {@code expr}: an operand ({@code CAST(value AS STRING)},
     * a function call, a column, a literal) with an optional {@code [AS] alias}.
     */
    public static Column expression(String text) {
        MiniSql parser = new MiniSql(text);
        Column item = parser.item();
        if (parser.pos < parser.tokens.size()) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '" + parser.tokens.get(parser.pos) + "'.");
        }
        return item;
    }

    private Dataset<Row> select(SparkSession session) {
        expect("select");
        boolean distinct = accept("distinct");
        List<Column> items = new ArrayList<>();
        do {
            items.add(item());
        } while (accept(","));
        expect("from");
        Dataset<Row> ds = session.table(next());
        if (accept("where")) {
            ds = ds.where(condition());
        }
        List<Column> groups = new ArrayList<>();
        List<String> groupedAliases = new ArrayList<>();
        if (accept("group")) {
            expect("by");
            do {
                String name = next();
                Column aliased = aliasedItem(items, name);
                // a select item's alias, where no column has that name (Spark's spark.sql.groupByAliases)
                if (aliased != null && List.of(ds.columns()).stream().noneMatch(name::equalsIgnoreCase)) {
                    groups.add(aliased);
                    groupedAliases.add(name.toLowerCase(Locale.ROOT));
                } else {
                    groups.add(functions.col(name));
                }
            } while (accept(","));
        }
        Column having = accept("having") ? condition() : null;
        boolean aggregated = !groups.isEmpty() || items.stream().anyMatch(c -> AggregateOutputs.containsAggregate(c.expr()));
        if (aggregated) {
            List<Column> aggregates = new ArrayList<>(items.stream()
                    .filter(c -> AggregateOutputs.containsAggregate(c.expr())).toList());
            Expr filter = having == null ? null : overAggregates(having.expr(), aggregates);
            if (aggregates.isEmpty()) {
                ds = ds.groupBy(groups.toArray(Column[]::new)).count();
            } else {
                ds = ds.groupBy(groups.toArray(Column[]::new))
                        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
            }
            if (filter != null) {
                ds = ds.where(new Column(filter));
            }
            List<Column> named = new ArrayList<>();
            for (Column item : items) {
                named.add(AggregateOutputs.containsAggregate(item.expr()) ? functions.col(item.expr().name())
                        : item.expr() instanceof Exprs.Alias a ? (groupedAliases.contains(a.alias().toLowerCase(Locale.ROOT))
                                ? functions.col(a.alias()) : functions.col(a.child().name()).alias(a.alias()))
                        : functions.col(item.expr().name()));
            }
            ds = ds.select(named.toArray(Column[]::new));
        } else if (having != null) {
            throw new AnalysisException("[MISSING_GROUP_BY] The query does not include a GROUP BY clause. Add GROUP BY or"
                    + " turn it into the window functions using OVER clauses.");
        } else {
            ds = ds.select(items.toArray(Column[]::new));
        }
        if (distinct) {
            ds = ds.distinct();
        }
        if (accept("order")) {
            expect("by");
            List<Column> order = new ArrayList<>();
            do {
                Column c = functions.col(next());
                if (accept("desc")) {
                    c = c.desc();
                } else {
                    accept("asc");
                }
                order.add(c);
            } while (accept(","));
            ds = ds.orderBy(order.toArray(Column[]::new));
        }
        if (accept("limit")) {
            int n = Integer.parseInt(next());
            List<Row> rows = ds.collectAsList();
            ds = session.createDataFrame(rows.subList(0, Math.min(n, rows.size())), ds.schema());
        }
        if (pos < tokens.size()) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '" + tokens.get(pos) + "'.");
        }
        return ds;
    }

    /** The select item aliased {@code name} that is not an aggregate, or null. */
    private static Column aliasedItem(List<Column> items, String name) {
        for (Column item : items) {
            if (item.expr() instanceof Exprs.Alias alias && alias.alias().equalsIgnoreCase(name)
                    && !AggregateOutputs.containsAggregate(item.expr())) {
                return item;
            }
        }
        return null;
    }

    /**
     * A HAVING condition over the aggregation's output: each aggregate in it reads the column of the
     * same aggregate in the select list (by its alias too), or of one added to {@code aggregates}.
     */
    private static Expr overAggregates(Expr condition, List<Column> aggregates) {
        if (condition instanceof Exprs.Agg agg) {
            for (Column item : aggregates) {
                Expr inner = item.expr() instanceof Exprs.Alias alias ? alias.child() : item.expr();
                if (inner.equals(agg)) {
                    return new Exprs.ColRef(item.expr().name());
                }
            }
            aggregates.add(new Column(agg));
            return new Exprs.ColRef(agg.name());
        } else if (condition instanceof Exprs.ColRef ref) {
            return aggregates.stream().filter(item -> item.expr() instanceof Exprs.Alias alias
                    && alias.alias().equalsIgnoreCase(ref.column())).findFirst()
                    .<Expr>map(item -> new Exprs.ColRef(item.expr().name())).orElse(ref);
        } else if (condition instanceof Exprs.Binary binary) {
            return new Exprs.Binary(binary.op(), overAggregates(binary.left(), aggregates),
                    overAggregates(binary.right(), aggregates));
        } else if (condition instanceof Exprs.NullTest test) {
            return new Exprs.NullTest(overAggregates(test.child(), aggregates), test.isNull());
        } else if (condition instanceof Exprs.Cast cast) {
            return new Exprs.Cast(overAggregates(cast.child(), aggregates), cast.to());
        }
        return condition;
    }

    /** A select item: {@code *}, or a condition or operand (a = b, CASE …, a function call) with an optional alias. */
    private Column item() {
        if (accept("*")) {
            return functions.col("*");
        }
        Column c = condition();
        if (accept("as")) {
            return c.alias(next());
        }
        if (pos < tokens.size() && tokens.get(pos).matches("[A-Za-z_][A-Za-z0-9_]*") && !isKeyword(tokens.get(pos))) {
            return c.alias(next());
        }
        return c;
    }

    /** Conditions joined by {@code AND} before {@code OR}, as SQL binds them. */
    private Column condition() {
        Column c = conjunction();
        while (accept("or")) {
            c = c.or(conjunction());
        }
        return c;
    }

    private Column conjunction() {
        Column c = negation();
        while (accept("and")) {
            c = c.and(negation());
        }
        return c;
    }

    private Column negation() {
        return accept("not") ? functions.not(negation()) : comparison();
    }

    /**
     * A comparison, a {@code BETWEEN} (both bounds inclusive, as Spark's), an {@code IS [NOT] NULL},
     * or a lone operand (in expr()).
     */
    private Column comparison() {
        Column left = sum();
        if (accept("is")) {
            boolean not = accept("not");
            expect("null");
            return not ? left.isNotNull() : left.isNull();
        }
        boolean not = accept("not");
        if (accept("in")) {
            expect("(");
            List<Column> values = new ArrayList<>();
            do {
                values.add(sum());
            } while (accept(","));
            expect(")");
            Column in = left.isin(values.toArray());
            return not ? functions.not(in) : in;
        }
        if (accept("like") || accept("rlike")) {
            boolean regex = tokens.get(pos - 1).equalsIgnoreCase("rlike");
            String pattern = next();
            if (!pattern.startsWith("'")) {
                throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '" + pattern + "'.");
            }
            String text = stringLiteral(pattern);
            Column match = regex ? left.rlike(text) : left.like(text);
            return not ? functions.not(match) : match;
        }
        if (not) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near 'NOT'.");
        }
        if (accept("between")) {
            Column low = sum();
            expect("and");
            Column high = sum();
            return left.geq(low).and(left.leq(high));
        }
        if (pos >= tokens.size() || !tokens.get(pos).matches("<>|!=|<=|>=|[=<>]")) {
            return left;
        }
        String op = next();
        Column right = sum();
        return switch (op) {
            case "=" -> left.equalTo(right);
            case "!=", "<>" -> left.notEqual(right);
            case "<" -> left.lt(right);
            case "<=" -> left.leq(right);
            case ">" -> left.gt(right);
            case ">=" -> left.geq(right);
            default -> throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '" + op + "'.");
        };
    }

    /** Terms added and subtracted, left to right: {@code t + INTERVAL 10 MINUTES - INTERVAL 1 SECOND}. */
    private Column sum() {
        Column c = product();
        while (true) {
            if (accept("+")) {
                c = c.plus(product());
            } else if (accept("-")) {
                c = c.minus(product());
            } else {
                return c;
            }
        }
    }

    /** Operands multiplied, divided, taken modulo, left to right, before any + or -: {@code a - b * 2}. */
    private Column product() {
        Column c = operand();
        while (true) {
            if (accept("*")) {
                c = c.multiply(operand());
            } else if (accept("/")) {
                c = c.divide(operand());
            } else if (accept("%")) {
                c = c.mod(operand());
            } else {
                return c;
            }
        }
    }

    /** {@code INTERVAL '10 minutes'}, {@code INTERVAL 1 HOUR}, {@code INTERVAL '1' HOUR 30 MINUTES}. */
    private Column interval() {
        StringBuilder text = new StringBuilder();
        if (pos < tokens.size() && tokens.get(pos).startsWith("'") && !isNumberText(tokens.get(pos))) {
            String quoted = next();
            text.append(quoted, 1, quoted.length() - 1);
        } else {
            while (pos < tokens.size() && isNumberText(tokens.get(pos))) {
                String n = next();
                text.append(n.startsWith("'") ? n.substring(1, n.length() - 1) : n).append(' ').append(next()).append(' ');
            }
        }
        if (text.isEmpty()) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '"
                    + (pos < tokens.size() ? tokens.get(pos) : "end of input") + "'.");
        }
        return functions.lit(new Exprs.Interval(IntervalParser.toMillis(text.toString().trim())));
    }

    private static boolean isNumberText(String t) {
        return t.matches("-?\\d+") || t.matches("'-?\\d+'");
    }

    private Column operand() {
        String t = next();
        if (t.equals("(")) {
            Column inner = condition();
            expect(")");
            return inner;
        }
        if (t.equalsIgnoreCase("interval")) {
            return interval();
        }
        if (t.equalsIgnoreCase("case")) {
            return caseWhen();
        }
        if (t.startsWith("'")) {
            return functions.lit(stringLiteral(t));
        }
        if (t.equalsIgnoreCase("null")) {
            return functions.lit(null);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return functions.lit(Boolean.parseBoolean(t));
        }
        if (t.matches("-?\\d+")) {
            long v = Long.parseLong(t);
            return functions.lit(v == (int) v ? (Object) (int) v : v);
        }
        if (t.matches("-?\\d+\\.\\d+")) {
            return functions.lit(Double.parseDouble(t));
        }
        if (t.equalsIgnoreCase("cast") && accept("(")) {
            Column value = operand();
            expect("as");
            String type = next();
            expect(")");
            try {
                return value.cast(DataTypes.fromDdl(type));
            } catch (IllegalArgumentException e) {
                throw new AnalysisException("[UNSUPPORTED_DATATYPE] Unsupported data type \"" + type.toUpperCase(Locale.ROOT) + "\".");
            }
        }
        if (accept("(")) {
            List<Column> args = null;
            if (!accept("*")) {
                args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(sum());
                    } while (accept(","));
                    expect(")");
                }
                return SqlFunctions.call(t, args);
            }
            expect(")");
            return SqlFunctions.call(t, null);
        }
        return functions.col(t);
    }

    /**
     * {@code CASE WHEN cond THEN value ... [ELSE value] END}, or {@code CASE operand WHEN value THEN
     * result ... END} (each WHEN compared with {@code =}); no ELSE gives null.
     */
    private Column caseWhen() {
        Column operand = tokens.get(pos).equalsIgnoreCase("when") ? null : sum();
        Column cases = null;
        while (accept("when")) {
            Column when = operand == null ? condition() : operand.equalTo(sum());
            expect("then");
            Column then = condition();
            cases = cases == null ? functions.when(when, then) : cases.when(when, then);
        }
        if (cases == null) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '"
                    + (pos < tokens.size() ? tokens.get(pos) : "end of input") + "': expected WHEN.");
        }
        if (accept("else")) {
            cases = cases.otherwise(condition());
        }
        expect("end");
        return cases;
    }

    /**
     * The text of a quoted literal, its escapes read as Spark's parser reads them: {@code \\} a
     * backslash, {@code \'} a quote, {@code \n \t \r \b \0 \Z} control characters, a backslash, u
     * and four hex digits a character, {@code \%} and {@code \_} kept whole (for LIKE), any other {@code \c} as {@code c};
     * and {@code ''} a quote.
     */
    private static String stringLiteral(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
            } else {
                char next = body.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case '0' -> out.append('\0');
                    case 'Z' -> out.append('\u001A');
                    case '%', '_' -> out.append('\\').append(next);
                    case 'u' -> {
                        if (i + 4 < body.length() && body.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                            i += 4;
                        } else {
                            out.append('u');
                        }
                    }
                    default -> out.append(next);
                }
            }
        }
        return out.toString();
    }

    private static boolean isKeyword(String t) {
        return List.of("from", "where", "group", "having", "order", "by", "limit", "and", "or", "asc", "desc", "between",
                "is", "in", "not", "like", "rlike", "when", "then", "else", "end")
                .contains(t.toLowerCase(Locale.ROOT));
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String keyword) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String keyword) {
        if (!accept(keyword)) {
            throw new AnalysisException("[PARSE_SYNTAX_ERROR] Syntax error at or near '"
                    + (pos < tokens.size() ? tokens.get(pos) : "end of input") + "': expected " + keyword.toUpperCase(Locale.ROOT) + ".");
        }
    }
}
