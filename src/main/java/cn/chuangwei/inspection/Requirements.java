package cn.chuangwei.inspection;

import cn.chuangwei.kernel.Texts;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.standard.Threshold;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How an indicator's requirement reads (≥ 90%, 不低于参照值 71.2%, 近三年逐年不上升, 不低于C级), from the message bundles:
 * in the reader's language on a page, in Chinese where it becomes stored data (a form's text, a rectification task).
 * One place for it, so the page listing the thresholds and the self-inspection's forms and tasks say the same.
 */
@Component
class Requirements {

    private final Texts texts;

    Requirements(Texts texts) {
        this.texts = texts;
    }

    /** The requirement in words, in the reader's language: {@code ≥ 90%}, {@code 不低于C级}. */
    String of(Standards.Indicator i, Locale locale) {
        return texts.get(key(i), locale, value(i.threshold()), i.unit() == null ? "" : i.unit());
    }

    /** The requirement as the readings form asks for it, in Chinese: the rule and how to write the reading. */
    String forForm(Standards.Indicator i) {
        String rule = of(i, Texts.ZH);
        String hint = "requirement.form." + comparison(i);
        String form = texts.zh(hint, rule);
        return form.equals(hint) ? rule : form;
    }

    private static String key(Standards.Indicator i) {
        String comparison = comparison(i);
        return Threshold.GE_REFERENCE.equals(comparison) && i.threshold() == null
                ? "requirement.GE_REFERENCE.none" : "requirement." + comparison;
    }

    /** The kinds with words of their own; any other reads as the yes-or-no kind, as the readings are judged. */
    private static String comparison(Standards.Indicator i) {
        return switch (i.comparison()) {
            case "GE", "LE", "GRADE_AT_LEAST", Threshold.GE_REFERENCE, Threshold.NOT_RISING -> i.comparison();
            default -> "IS_TRUE";
        };
    }

    /** A threshold as the standard writes it (90 and 71.2, not 9E+1, a locale's 71.20 or 1,000). */
    static String value(Object threshold) {
        return threshold instanceof java.math.BigDecimal d ? d.toPlainString() : threshold == null ? "" : String.valueOf(threshold);
    }
}
