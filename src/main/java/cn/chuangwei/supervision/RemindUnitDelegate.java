package cn.chuangwei.supervision;

import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskStatus;
import cn.chuangwei.task.TaskVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds a unit of a task before it is due (two working days before, and on the day). The task's owner is told; a
 * task already submitted, or a reminder whose moment came before the task was assigned, sends nothing.
 */
@Component
class RemindUnitDelegate implements JavaDelegate {

    private final TaskRowRepository rows;
    private final Notices notices;
    private final Notifier notifier;

    RemindUnitDelegate(TaskRowRepository rows, Notices notices, Notifier notifier) {
        this.rows = rows;
        this.notices = notices;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = (String) execution.getVariable("reminderKind");
        TaskRow row = rows.find(TaskVariables.taskRowId(execution)).orElseThrow();
        Date moment = (Date) execution.getVariable("BEFORE".equals(kind) ? "reminderBefore" : "reminderOnDay");
        Date assigned = (Date) execution.getVariable("assignedAt");
        if ((row.status() != TaskStatus.OPEN && row.status() != TaskStatus.RETURNED) || moment.before(assigned)) {
            return;
        }
        notifier.send(new Notifier.Notice("reminder:" + kind + ":" + row.id() + ":" + row.reworkCount(),
                NoticeKind.REMINDER, row.campaignId(), row.unitCode(), "REMINDER", locale -> notices.taskValues(row, locale)),
                java.util.List.of(row.personUserId()));
    }
}
