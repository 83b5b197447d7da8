package io.streamling.internal.sql;

import io.streamling.sql.AnalysisException;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import io.streamling.sql.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A call of one of Spark's scalar functions of strings, numbers and timestamps, with Spark's
 * semantics and result names: {@code trim}, {@code ltrim}, {@code rtrim} (spaces only),
 * {@code substring} (1-based, counted in characters, a negative start from the end),
 * {@code regexp_replace} (Java regular expressions, as Spark), {@code concat_ws} (nulls skipped),
 * {@code coalesce} (in the arguments' common type), {@code round} (half up, on the decimal form of a double), {@code abs},
 * {@code year}, {@code month}, {@code dayofmonth}, {@code hour}, {@code minute}, {@code second} and
 * {@code date_format} (of a timestamp in UTC, the session time zone), {@code like} (SQL patterns)
 * and {@code rlike} (a Java regular expression found anywhere, as Spark's), {@code contains},
 * {@code startswith}, {@code endswith}, {@code floor} and {@code ceil} (to a bigint),
 * {@code unix_timestamp}, {@code from_unixtime} and {@code date_trunc} (in UTC, the session time zone),
 * {@code regexp_extract}, and of arrays {@code array_contains}, {@code element_at}, {@code array_join}. Every function but
 * {@code coalesce} and {@code concat_ws} is null when its first argument is; other arguments are
 * literals ({@link Exprs.Lit}).
 */
public record ScalarCall(String function, List<Expr> args) implements Expr {

    /** Numeric types, narrowest first: the common type of several is the widest. */
    private static final List<DataType> NUMBERS = List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType);
    private static final List<String> DATE_PARTS = List.of("year", "month", "dayofmonth", "hour", "minute", "second");
    private static final List<String> STRING_TESTS = List.of("contains", "startswith", "endswith");

    /** Compiled once per pattern, not per row (both are immutable and thread-safe). */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();

    public ScalarCall {
        args = List.copyOf(args);
    }

    @Override
    public Object eval(Row row) {
        if (function.equals("coalesce")) {
            for (Expr arg : args) {
                Object value = arg.eval(row);
                if (value != null) {
                    // in the arguments' common type: coalesce(int, double) gives a double
                    return value instanceof Number ? Casts.convert(value, type(row.schema())) : value;
                }
            }
            return null;
        }
        if (function.equals("concat_ws")) {
            List<String> parts = new ArrayList<>();
            for (Expr arg : args.subList(1, args.size())) {
                Object value = arg.eval(row);
                if (value instanceof List<?> list) {
                    list.stream().filter(v -> v != null).forEach(v -> parts.add(v.toString()));
                } else if (value != null) {
                    parts.add((String) Casts.convert(value, DataTypes.StringType));
                }
            }
            return String.join(literal(0), parts);
        }
        if (function.equals("isnan")) {
            return args.get(0).eval(row) instanceof Double d && d.isNaN(); // false for null, as Spark's
        }
        if (STRING_TESTS.contains(function)) {
            Object text = args.get(0).eval(row);
            Object other = args.get(1).eval(row);
            return text == null || other == null ? null : stringTest(text.toString(),
                    (String) Casts.convert(other, DataTypes.StringType));
        }
        Object value = args.get(0).eval(row);
        return value == null ? null : apply(value);
    }

    private Object apply(Object value) {
        return switch (function) {
            case "trim" -> strip(value.toString(), true, true);
            case "ltrim" -> strip(value.toString(), true, false);
            case "rtrim" -> strip(value.toString(), false, true);
            case "substring", "substr" -> substring(value.toString(), intLiteral(1),
                    args.size() > 2 ? intLiteral(2) : Integer.MAX_VALUE);
            case "regexp_replace" -> PATTERNS.computeIfAbsent(literal(1), Pattern::compile).matcher(value.toString())
                    .replaceAll(literal(2));
            case "round" -> round(value, args.size() > 1 ? intLiteral(1) : 0);
            case "abs" -> abs(value);
            case "floor" -> value instanceof Double d ? (Object) (long) Math.floor(d) : (Object) ((Number) value).longValue();
            case "ceil" -> value instanceof Double d ? (Object) (long) Math.ceil(d) : (Object) ((Number) value).longValue();
            case "like" -> PATTERNS.computeIfAbsent("like:" + literal(1), key -> likePattern(literal(1)))
                    .matcher(value.toString()).matches();
            case "rlike" -> PATTERNS.computeIfAbsent(literal(1), Pattern::compile).matcher(value.toString()).find();
            case "regexp_extract" -> regexpExtract(value.toString(), literal(1), intLiteral(2));
            case "array_contains" -> arrayContains((List<?>) value, literalValue(1));
            case "element_at" -> elementAt((List<?>) value, intLiteral(1));
            case "array_join" -> ((List<?>) value).stream().filter(v -> v != null).map(Object::toString)
                    .collect(Collectors.joining(literal(1)));
            case "lpad", "rpad" -> pad(value.toString(), intLiteral(1), literal(2),
                    function.equals("lpad"));
            case "initcap" -> initcap(value.toString());
            case "reverse" -> new StringBuilder(value.toString()).reverse().toString();
            case "repeat" -> value.toString().repeat(Math.max(0, intLiteral(1)));
            case "instr" -> instr(value.toString(), literal(1));
            case "translate" -> translate(value.toString(), literal(1), literal(2));
            // StrictMath, as Spark: Math may differ in the last digit
            case "sqrt" -> StrictMath.sqrt(((Number) value).doubleValue());
            case "exp" -> StrictMath.exp(((Number) value).doubleValue());
            case "ln" -> logarithm(StrictMath.log(((Number) value).doubleValue()), value);
            case "log10" -> logarithm(StrictMath.log10(((Number) value).doubleValue()), value);
            case "power" -> StrictMath.pow(((Number) value).doubleValue(), ((Number) literalValue(1)).doubleValue());
            case "unix_timestamp" -> value instanceof Timestamp ts ? Math.floorDiv(ts.getTime(), 1000L)
                    : parseSeconds(value.toString(), literal(1));
            case "from_unixtime" -> formatter(literal(1))
                    .format(java.time.Instant.ofEpochSecond(((Number) value).longValue()).atZone(ZoneOffset.UTC));
            case "date_trunc" -> truncate(utc(value), literal(1));
            case "date_format" -> formatter(literal(1))
                    .format(utc(value));
            default -> datePart(utc(value));
        };
    }

    private boolean stringTest(String text, String other) {
        return switch (function) {
            case "contains" -> text.contains(other);
            case "startswith" -> text.startsWith(other);
            default -> text.endsWith(other);
        };
    }

    /**
     * Spark's LIKE pattern as a regular expression: {@code %} any characters, {@code _} one, a
     * backslash escapes the next one ({@code %}, {@code _} or a backslash); everything else literal.
     */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder("(?s)");
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length() && "%_\\".indexOf(like.charAt(i + 1)) >= 0) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '\\') {
                throw new AnalysisException("[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: '"
                        + like + "'. The escape character is not allowed to precede '"
                        + (i + 1 < like.length() ? like.charAt(i + 1) : "") + "'.");
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Without a space at either end (Spark trims the space character only, not tabs). */
    private static String strip(String text, boolean leading, boolean trailing) {
        int start = 0;
        int end = text.length();
        while (leading && start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (trailing && end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    /** Spark's {@code substringSQL}: characters (code points) from 1-based {@code pos}. */
    private static String substring(String text, int pos, int length) {
        int chars = text.codePointCount(0, text.length());
        long start = pos > 0 ? pos - 1 : pos < 0 ? chars + pos : 0;
        long end = Math.min(start + length, chars);
        start = Math.max(start, 0);
        if (start >= end) {
            return "";
        }
        return text.substring(text.offsetByCodePoints(0, (int) start), text.offsetByCodePoints(0, (int) end));
    }

    /** Half up, on the decimal form of a double (2.675 rounds to 2.68, as in Spark). */
    private static Object round(Object value, int scale) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d;
            }
            return new BigDecimal(Double.toString(d)).setScale(scale, RoundingMode.HALF_UP).doubleValue();
        }
        long rounded = BigDecimal.valueOf(((Number) value).longValue()).setScale(scale, RoundingMode.HALF_UP)
                .longValueExact();
        return value instanceof Integer ? (Object) (int) Exprs.exactly(() -> Math.toIntExact(rounded), "integer", "try_round")
                : (Object) rounded;
    }

    private static Object abs(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d);
        } else if (value instanceof Integer i) {
            return (int) Exprs.exactly(() -> Math.absExact(i), "integer", "try_abs");
        }
        return Exprs.exactly(() -> Math.absExact(((Number) value).longValue()), "long", "try_abs");
    }

    /** Group {@code group} of the first match of {@code regex} (found anywhere), "" when none, as Spark's. */
    private static String regexpExtract(String text, String regex, int group) {
        java.util.regex.Matcher matcher = PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(text);
        if (group < 0 || group > matcher.groupCount()) {
            throw new IllegalArgumentException("[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) "
                    + "`idx` in `regexp_extract` is invalid: Expects group index between 0 and " + matcher.groupCount()
                    + ", but got " + group + ".");
        }
        if (!matcher.find()) {
            return "";
        }
        String found = matcher.group(group);
        return found == null ? "" : found;
    }

    /** Whether the array holds {@code value}; null when it does not but holds a null, as SQL's IN. */
    private static Boolean arrayContains(List<?> array, Object value) {
        boolean sawNull = false;
        for (Object element : array) {
            if (element == null) {
                sawNull = true;
            } else if (element.equals(value) || (element instanceof Number a && value instanceof Number b
                    && a.doubleValue() == b.doubleValue())) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    /** Spark's element_at: 1-based, negative from the end; 0 or outside the array fails (ANSI). */
    private static Object elementAt(List<?> array, int index) {
        if (index == 0) {
            throw new ArrayIndexOutOfBoundsException("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                    + "either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003");
        }
        int at = index > 0 ? index - 1 : array.size() + index;
        if (at < 0 || at >= array.size()) {
            throw new ArrayIndexOutOfBoundsException("[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index " + index + " is out of "
                    + "bounds. The array has " + array.size() + " elements. Use `try_element_at` to tolerate accessing "
                    + "element at invalid index and return NULL instead. SQLSTATE: 22003");
        }
        return array.get(at);
    }

    /** Spark's lpad / rpad: to {@code length} characters, cut or padded with repeats of {@code pad}. */
    private static String pad(String text, int length, String pad, boolean left) {
        int[] chars = text.codePoints().toArray();
        if (length <= chars.length || pad.isEmpty()) {
            return new String(chars, 0, Math.max(0, Math.min(length, chars.length)));
        }
        int[] padChars = pad.codePoints().toArray();
        StringBuilder fill = new StringBuilder();
        for (int i = 0; i < length - chars.length; i++) {
            fill.appendCodePoint(padChars[i % padChars.length]);
        }
        return left ? fill + text : text + fill;
    }

    /** Spark's initcap: lower case, then the first letter after each space in title case. */
    private static String initcap(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(c) : Character.toLowerCase(c));
            start = c == ' ';
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** 1-based position of {@code part} in characters, 0 when absent. */
    private static int instr(String text, String part) {
        int at = text.indexOf(part);
        return at < 0 ? 0 : text.codePointCount(0, at) + 1;
    }

    /** Each character of {@code from} replaced by the one at its place in {@code to}, or removed past its end. */
    private static String translate(String text, String from, String to) {
        int[] source = from.codePoints().toArray();
        int[] target = to.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int at = -1;
            for (int i = 0; i < source.length && at < 0; i++) {
                at = source[i] == c ? i : -1;
            }
            if (at < 0) {
                out.appendCodePoint(c);
            } else if (at < target.length) {
                out.appendCodePoint(target[at]);
            }
        });
        return out.toString();
    }

    /** A logarithm, null for a number that is not positive (as Spark's ln and log10). */
    private static Double logarithm(double result, Object value) {
        return ((Number) value).doubleValue() <= 0 ? null : result;
    }

    /** Spark's {@code unix_timestamp(text, format)}: seconds; text that does not parse fails (ANSI mode). */
    private static long parseSeconds(String text, String format) {
        try {
            return java.time.LocalDateTime.parse(text, formatter(format)).toEpochSecond(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new java.time.DateTimeException("[CANNOT_PARSE_TIMESTAMP] Text '" + text + "' could not be parsed at index "
                    + e.getErrorIndex() + ". Use `try_to_timestamp` to tolerate invalid input string and return NULL instead.");
        }
    }

    /** Spark's {@code date_trunc(unit, ts)} in UTC; an unknown unit gives null, as in Spark. */
    private static Timestamp truncate(ZonedDateTime time, String unit) {
        ZonedDateTime start = switch (unit.toLowerCase(Locale.ROOT)) {
            case "year", "yyyy", "yy" -> time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
            case "quarter" -> time.withMonth((time.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1)
                    .truncatedTo(ChronoUnit.DAYS);
            case "month", "mon", "mm" -> time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            case "week" -> time.with(java.time.DayOfWeek.MONDAY).truncatedTo(ChronoUnit.DAYS);
            case "day", "dd" -> time.truncatedTo(ChronoUnit.DAYS);
            case "hour" -> time.truncatedTo(ChronoUnit.HOURS);
            case "minute" -> time.truncatedTo(ChronoUnit.MINUTES);
            case "second" -> time.truncatedTo(ChronoUnit.SECONDS);
            case "millisecond" -> time.truncatedTo(ChronoUnit.MILLIS);
            case "microsecond" -> time.truncatedTo(ChronoUnit.MICROS);
            default -> null;
        };
        return start == null ? null : Timestamp.from(start.toInstant());
    }

    private static ZonedDateTime utc(Object value) {
        return ((Timestamp) value).toInstant().atZone(ZoneOffset.UTC);
    }

    private int datePart(ZonedDateTime time) {
        return switch (function) {
            case "year" -> time.getYear();
            case "month" -> time.getMonthValue();
            case "dayofmonth" -> time.getDayOfMonth();
            case "hour" -> time.getHour();
            case "minute" -> time.getMinute();
            default -> time.getSecond();
        };
    }

    private static DateTimeFormatter formatter(String pattern) {
        return FORMATS.computeIfAbsent(pattern, f -> DateTimeFormatter.ofPattern(f, Locale.ROOT));
    }

    private Object literalValue(int i) {
        return ((Exprs.Lit) args.get(i)).value();
    }

    private int intLiteral(int i) {
        return ((Number) literalValue(i)).intValue();
    }

    private String literal(int i) {
        return String.valueOf(literalValue(i));
    }

    @Override
    public DataType type(StructType schema) {
        List<DataType> types = args.stream().map(arg -> arg.type(schema)).toList();
        if (DATE_PARTS.contains(function)) {
            return DataTypes.IntegerType;
        }
        return switch (function) {
            case "coalesce" -> NUMBERS.containsAll(types) ? NUMBERS.get(types.stream().mapToInt(NUMBERS::indexOf).max()
                    .orElseThrow()) : types.get(0);
            case "round", "abs" -> types.get(0);
            case "like", "rlike", "contains", "startswith", "endswith", "isnan", "array_contains" -> DataTypes.BooleanType;
            case "floor", "ceil", "unix_timestamp" -> DataTypes.LongType;
            case "instr" -> DataTypes.IntegerType;
            case "element_at" -> ArrayTypes.elementOf(types.get(0));
            case "sqrt", "exp", "ln", "log10", "power" -> DataTypes.DoubleType;
            case "date_trunc" -> DataTypes.TimestampType;
            default -> DataTypes.StringType;
        };
    }

    @Override
    public String name() {
        List<String> names = args.stream().map(Expr::name).collect(Collectors.toCollection(ArrayList::new));
        if (function.equals("date_trunc")) {
            return "date_trunc(" + names.get(1) + ", " + names.get(0) + ")"; // the unit first, as written
        } else if (List.of("floor", "ceil", "sqrt", "exp", "log10", "power").contains(function)) {
            return function.toUpperCase(Locale.ROOT) + "(" + String.join(", ", names) + ")"; // Spark's capitals
        } else if (function.equals("like")) {
            return names.get(0) + " LIKE " + names.get(1);
        } else if (function.equals("rlike")) {
            return "RLIKE(" + names.get(0) + ", " + names.get(1) + ")";
        } else if (function.equals("regexp_replace")) {
            names.add("1"); // Spark names the default position too
        } else if (function.equals("round") && names.size() == 1) {
            names.add("0");
        } else if ((function.equals("substring") || function.equals("substr")) && names.size() == 2) {
            names.add(String.valueOf(Integer.MAX_VALUE));
        }
        return function + "(" + String.join(", ", names) + ")";
    }
}
