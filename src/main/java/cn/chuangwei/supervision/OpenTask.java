package cn.chuangwei.supervision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * An open unit task as the supervisors see it: its three-colour status (GREEN below the warning share of its time
 * limit, YELLOW from there to the deadline, RED overdue), working days overdue and the highest ladder level reached.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenTask(long taskRowId, long campaignId, String campaignName, String phase, String phaseName,
                       String unitCode, String unitName, String deputyUserId, String personUserId, String title,
                       LocalDate deadline, boolean critical, String colour, double timeUsedShare, int workingDaysOverdue,
                       String level) {
}
