package cn.chuangwei.standard;

import cn.chuangwei.kernel.ApiException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An indicator's threshold, checked against its value type: a number for PERCENT (0–100) and NUMBER, a grade A–D for
 * GRADE (A best), {@code true} for BOOLEAN. The comparison must fit the type.
 *
 * <p>Two comparisons of a number have no threshold in the standard: {@link #GE_REFERENCE} (the reading must be at
 * least a reference value the office enters per campaign, such as the province's average, with its source; without
 * it no verdict is reached) and {@link #NOT_RISING} (the reading is three yearly values, oldest first; it passes when
 * no year is above the year before). The decision is {@code dmn/indicator-compliance.dmn}'s.
 */
public record Threshold(BigDecimal number, String grade, Boolean bool) {

    public static final Set<String> TYPES = Set.of("PERCENT", "NUMBER", "GRADE", "BOOLEAN");
    /** At least a reference value entered per campaign (e.g. 全省平均水平); the standard gives no number. */
    public static final String GE_REFERENCE = "GE_REFERENCE";
    /** Three yearly values, oldest first, none above the year before (a three-year trend not rising). */
    public static final String NOT_RISING = "NOT_RISING";
    /** The comparisons whose number is not the standard's. */
    public static final Set<String> WITHOUT_THRESHOLD = Set.of(GE_REFERENCE, NOT_RISING);

    public static final Map<String, Set<String>> COMPARISONS = Map.of(
            "PERCENT", Set.of("GE", "LE", GE_REFERENCE, NOT_RISING), "NUMBER", Set.of("GE", "LE", GE_REFERENCE, NOT_RISING),
            "GRADE", Set.of("GRADE_AT_LEAST"), "BOOLEAN", Set.of("IS_TRUE"));
    public static final Set<String> GRADES = Set.of("A", "B", "C", "D");
    static final BigDecimal MAX_NUMBER = new BigDecimal("999999999.999");

    /** Checks a type and comparison; refuses with the field named. */
    static void checkType(String type, String comparison, String field) {
        if (type == null || !TYPES.contains(type)) {
            throw ApiException.badRequest("invalid-choice", field + ".type", field + ".type", type,
                    "PERCENT, NUMBER, GRADE, BOOLEAN");
        }
        if (comparison == null || !COMPARISONS.get(type).contains(comparison)) {
            throw ApiException.badRequest("invalid-choice", field + ".comparison", field + ".comparison", comparison,
                    String.join(", ", COMPARISONS.get(type)));
        }
    }

    /** Whether an indicator compared so takes its threshold from the standard (not a reference, not a trend). */
    public static boolean fromStandard(String comparison) {
        return !WITHOUT_THRESHOLD.contains(comparison);
    }

    /**
     * An indicator's threshold as a standard states it: none for {@link #WITHOUT_THRESHOLD} (a value given there is
     * refused, so nobody believes a number the decision never reads), else {@link #of}.
     */
    public static Threshold ofIndicator(String type, String comparison, Object value, String field, String indicator) {
        if (!fromStandard(comparison)) {
            if (value != null) {
                throw ApiException.badRequest("threshold-not-allowed", field, indicator, comparison);
            }
            return new Threshold(null, null, null);
        }
        return of(type, value, field, indicator);
    }

    /** Reads a threshold of the given type from a file or a request; refuses a value of the wrong type or range. */
    public static Threshold of(String type, Object value, String field, String indicator) {
        if (value == null) {
            throw ApiException.badRequest("required", field, field);
        }
        switch (type) {
            case "PERCENT", "NUMBER" -> {
                if (!(value instanceof Number n) || (n instanceof Double x && !Double.isFinite(x))
                        || (n instanceof Float x && !Float.isFinite(x))) {
                    throw ApiException.badRequest("invalid-threshold", field, indicator, value, type);
                }
                BigDecimal d = new BigDecimal(n.toString());
                // what the database keeps: decimal(12, 3)
                if (d.abs().compareTo(MAX_NUMBER) > 0) {
                    throw ApiException.badRequest("number-out-of-range", field, indicator, value, MAX_NUMBER);
                }
                if ("PERCENT".equals(type) && (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw ApiException.badRequest("percent-out-of-range", field, indicator, value);
                }
                return new Threshold(d, null, null);
            }
            case "GRADE" -> {
                String g = value instanceof String s ? s.trim().toUpperCase(Locale.ROOT) : null;
                if (g == null || !GRADES.contains(g)) {
                    throw ApiException.badRequest("invalid-grade", field, indicator, value);
                }
                return new Threshold(null, g, null);
            }
            default -> {
                if (!Boolean.TRUE.equals(value)) {
                    throw ApiException.badRequest("invalid-threshold", field, indicator, value, type);
                }
                return new Threshold(null, null, true);
            }
        }
    }
}
