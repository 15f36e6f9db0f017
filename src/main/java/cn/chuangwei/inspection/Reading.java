package cn.chuangwei.inspection;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.Threshold;
import java.math.BigDecimal;
import java.util.Locale;

/** An indicator reading as entered: a number (a percentage or a count), a grade A–D, or achieved yes/no. */
record Reading(BigDecimal number, String grade, Boolean bool) {

    static Reading parse(String type, String value, int line, String code) {
        switch (type) {
            case "PERCENT", "NUMBER" -> {
                BigDecimal d;
                try {
                    d = new BigDecimal(value.replace("%", "").trim());
                } catch (NumberFormatException e) {
                    throw ApiException.badRow("invalid-reading", line, "readings", code, value);
                }
                if ("PERCENT".equals(type) && (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw ApiException.badRow("percent-out-of-range", line, "readings", code, value);
                }
                return new Reading(d, null, null);
            }
            case "GRADE" -> {
                String g = value.toUpperCase(Locale.ROOT);
                if (!Threshold.GRADES.contains(g)) {
                    throw ApiException.badRow("invalid-grade", line, "readings", code, value);
                }
                return new Reading(null, g, null);
            }
            default -> {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "是", "true", "yes", "达标" -> new Reading(null, null, true);
                    case "否", "false", "no", "未达标" -> new Reading(null, null, false);
                    default -> throw ApiException.badRow("invalid-boolean", line, "readings", code, value);
                };
            }
        }
    }
}
