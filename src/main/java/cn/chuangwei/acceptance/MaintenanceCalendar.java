package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * When the monthly spot checks run: from the first of next month at 09:00. Handed to the maintenance process as it
 * starts ({@code campaign.bpmn}), since its event subprocess's timer is set up before any of its steps runs.
 * (maintenance.bpmn calls {@link #spotCheckCycle} in an expression, which needs a public class.)
 */
@Component("maintenanceCalendar")
public class MaintenanceCalendar {

    private final DueDates dueDates;

    MaintenanceCalendar(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    public String spotCheckCycle() {
        LocalDate firstOfNextMonth = dueDates.today().withDayOfMonth(1).plusMonths(1);
        return "R/" + firstOfNextMonth.atTime(9, 0).atZone(dueDates.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "/P1M";
    }
}
