package cn.chuangwei.web;

import cn.chuangwei.kernel.Texts;
import java.util.Locale;

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
}
