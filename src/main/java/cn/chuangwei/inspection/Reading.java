package cn.chuangwei.inspection;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.Threshold;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An indicator reading as entered: a number (a percentage or a count), a grade A–D, or achieved yes/no. A three-year
 * trend ({@link Threshold#NOT_RISING}) is three numbers, oldest year first: {@code first}, {@code second} and the
 * latest in {@code number}.
 */
record Reading(BigDecimal number, String grade, Boolean bool, BigDecimal first, BigDecimal second) {

    /** Between the three values of a trend: a comma, semicolon or slash (half or full width), 、 or spaces. */
    private static final Pattern YEARS = Pattern.compile("\\s*[,，;；/、]\\s*|\\s+");

    static Reading parse(String type, String comparison, String value, int line, String code) {
        if (Threshold.NOT_RISING.equals(comparison)) {
            String[] years = value.strip().isEmpty() ? new String[0] : YEARS.split(value.strip());
            if (years.length != 3) {
                throw ApiException.badRow("invalid-trend", line, "readings", code, value);
            }
            return new Reading(number(type, years[2], line, code), null, null, number(type, years[0], line, code),
                    number(type, years[1], line, code));
        }
        switch (type) {
            case "PERCENT", "NUMBER" -> {
                return new Reading(number(type, value, line, code), null, null, null, null);
            }
            case "GRADE" -> {
                String g = value.toUpperCase(Locale.ROOT);
                if (!Threshold.GRADES.contains(g)) {
                    throw ApiException.badRow("invalid-grade", line, "readings", code, value);
                }
                return new Reading(null, g, null, null, null);
            }
            default -> {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "是", "true", "yes", "达标" -> new Reading(null, null, true, null, null);
                    case "否", "false", "no", "未达标" -> new Reading(null, null, false, null, null);
                    default -> throw ApiException.badRow("invalid-boolean", line, "readings", code, value);
                };
            }
        }
    }

    private static BigDecimal number(String type, String value, int line, String code) {
        BigDecimal d;
        try {
            d = new BigDecimal(value.replace("%", "").trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRow("invalid-reading", line, "readings", code, value);
        }
        if ("PERCENT".equals(type) && (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw ApiException.badRow("percent-out-of-range", line, "readings", code, value);
        }
        if (d.abs().compareTo(new BigDecimal("999999999.999")) > 0) {
            throw ApiException.badRow("number-out-of-range", line, "readings", code, value, "999999999.999");
        }
        return d;
    }
}
