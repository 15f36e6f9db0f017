package cn.chuangwei.task;

import cn.chuangwei.calendar.DeadlineSettings;
import cn.chuangwei.calendar.DueDates;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The unit has completed its task: the result is checked and recorded, and the office's review falls due. */
@Component
class RecordSubmissionListener implements TaskListener {

    private final TaskRowRepository rows;
    private final DueDates dueDates;
    private final Clock clock;
    private final int reviewDays;

    RecordSubmissionListener(TaskRowRepository rows, DueDates dueDates, Clock clock,
                             DeadlineSettings deadlines) {
        this.rows = rows;
        this.dueDates = dueDates;
        this.clock = clock;
        this.reviewDays = deadlines.reviewDays();
    }

    @Override
    public void notify(DelegateTask task) {
        UnitTaskForms.UNIT.checkVariables(task::getVariable);
        String summary = ((String) task.getVariable(UnitTaskForms.RESULT_SUMMARY)).trim();
        long rowId = TaskVariables.taskRowId(task);
        rows.markSubmitted(rowId, summary, task.getAssignee(), clock.instant());
        rows.event(rowId, "SUBMITTED", task.getAssignee(), null, clock.instant());
        task.getExecution().setVariable(TaskVariables.REVIEW_DUE, dueDates.dueInWorkingDays(reviewDays));
    }
}
