package cn.chuangwei.task;

import cn.chuangwei.calendar.DeadlineSettings;
import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of each instance of the unit-work subprocess in {@code phase.bpmn}: puts the row's task, target, unit and
 * deadline into variables local to that instance, for the unit's task, its form and its due date.
 */
@Component
class PrepareUnitTaskListener implements ExecutionListener {

    private final TaskRowRepository rows;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final int reviewDays;

    PrepareUnitTaskListener(TaskRowRepository rows, CampaignRepository campaigns, DueDates dueDates,
                            DeadlineSettings deadlines) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.reviewDays = deadlines.reviewDays();
    }

    @Override
    public void notify(DelegateExecution execution) {
        long rowId = TaskVariables.taskRowId(execution);
        TaskRow row = rows.find(rowId).orElseThrow(() -> new IllegalStateException("no task row " + rowId));
        CampaignUnit unit = campaigns.unit(row.campaignId(), row.unitCode())
                .orElseThrow(() -> new IllegalStateException("no unit " + row.unitCode()));
        rows.markAssigned(rowId, dueDates.now().toInstant());
        execution.setVariableLocal("unitCode", unit.code());
        execution.setVariableLocal("unitName", unit.name());
        execution.setVariableLocal("taskTitle", row.title());
        execution.setVariableLocal("taskTarget", row.target() == null ? "" : row.target());
        execution.setVariableLocal("taskDeadline", dueDates.dueOn(row.deadline()));
        execution.setVariableLocal("taskDeadlineText", row.deadline().toString());
        execution.setVariableLocal("critical", row.critical());
        execution.setVariableLocal("rowStatus", row.status().name());
        execution.setVariableLocal(UnitTaskForms.RESULT_SUMMARY, row.resultSummary());
        execution.setVariableLocal("lastReturnReason", row.returnReason() == null ? "" : row.returnReason());
        execution.setVariableLocal(TaskVariables.REVIEW_DUE, dueDates.dueInWorkingDays(reviewDays));
        // supervision: reminders 2 working days before and on the day, the ladder at the deadline and every morning
        execution.setVariableLocal("assignedAt", java.util.Date.from(dueDates.now().toInstant()));
        execution.setVariableLocal("reminderBefore", dueDates.reminderBefore(row.deadline(), 2));
        execution.setVariableLocal("reminderOnDay", dueDates.reminderBefore(row.deadline(), 0));
        execution.setVariableLocal("ladderCycle", dueDates.dailyFromTomorrow());
        execution.setVariableLocal("unitTaskId", null);
        execution.setVariableLocal(TaskVariables.REVIEW_OUTCOME, null);
    }
}
