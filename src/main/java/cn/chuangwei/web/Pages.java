package cn.chuangwei.web;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** What the pages share: the two languages they speak. */
public final class Pages {

    private Pages() {
    }

    /** {@code zh} or {@code en} as a locale whose bundle exists; anything else is no choice (null). */
    public static Locale locale(String lang) {
        if (lang == null) {
            return null;
        }
        return switch (lang.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh_cn" -> Texts.ZH;
            case "en" -> Texts.EN;
            default -> null;
        };
    }

    /** The short code of a locale for links and exports: {@code en} for English, {@code zh} otherwise. */
    public static String lang(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh";
    }

    /**
     * A refusal as a page shows it, in the page's language; where the message names the field at fault (an argument
     * that is, or begins with, the field's name), the field's name in the reader's words instead ({@code label}: field →
     * words, or null to keep it).
     */
    public static String refusal(Texts texts, ApiException e, Locale locale, UnaryOperator<String> label) {
        Object[] args = e.args();
        if (label != null && e.field() != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String s && s.startsWith(e.field())) {
                    args[i] = label.apply(e.field());
                }
            }
        }
        String key = "error." + e.code();
        return "en".equals(lang(locale)) ? texts.en(key, args) : texts.zh(key, args);
    }

    /** A date a page's form sent ({@code <input type=date>}: yyyy-MM-dd), null when empty; 400 {@code invalid-date}. */
    public static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-date", field, field, text);
        }
    }
}
