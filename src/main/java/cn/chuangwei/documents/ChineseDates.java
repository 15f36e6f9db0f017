package cn.chuangwei.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Dates as official documents write them (GB/T 9704-2012, 7.3.5.1): year, month and day in Arabic numerals, the year in
 * full, no leading zeros: 2027年3月15日.
 */
public final class ChineseDates {

    private ChineseDates() {
    }

    /** 2027年3月15日; "" for no date. */
    public static String format(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A date on a page: 2027年3月15日 in Chinese, 2027-03-15 in English; "" for no date. */
    public static String format(LocalDate d, Locale locale) {
        return d == null ? "" : locale != null && "en".equals(locale.getLanguage()) ? d.toString() : format(d);
    }

    /**
     * A moment on a page, to the minute in the given zone (Beijing time: {@code SiteSettings.zone()}): 2027年3月15日 08:05 in
     * Chinese, 2027-03-15 08:05 in English; "" for none.
     */
    public static String format(Instant t, ZoneId zone, Locale locale) {
        if (t == null) {
            return "";
        }
        LocalDateTime d = LocalDateTime.ofInstant(t, zone);
        return format(d.toLocalDate(), locale) + " " + String.format(Locale.ROOT, "%02d:%02d", d.getHour(), d.getMinute());
    }
}
