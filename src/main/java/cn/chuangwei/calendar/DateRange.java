package cn.chuangwei.calendar;

import java.time.LocalDate;

/** A closed range of days, both ends included. */
public record DateRange(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
