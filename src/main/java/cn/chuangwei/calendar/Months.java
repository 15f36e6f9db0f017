package cn.chuangwei.calendar;

import cn.chuangwei.kernel.ApiException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month as the API and the pages take it ({@code 2026-11}), within the years a campaign can run in. */
public final class Months {

    private Months() {
    }

    /** Whether a day lies in the years a campaign can run in (2000–2099). */
    public static boolean inRange(java.time.LocalDate day) {
        return day.getYear() >= 2000 && day.getYear() <= 2099;
    }

    /** The month, or a 400 naming the field {@code month}. */
    public static YearMonth parse(String month) {
        try {
            YearMonth m = YearMonth.parse(month);
            if (!inRange(m.atDay(1))) {
                throw ApiException.badRequest("invalid-month", "month", month);
            }
            return m;
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.badRequest("invalid-month", "month", month);
        }
    }
}
