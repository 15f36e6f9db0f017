package cn.chuangwei.supervision;

import cn.chuangwei.notify.MailOutbox;
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
    private final MailOutbox outbox;

    RemindUnitDelegate(TaskRowRepository rows, Notices notices, MailOutbox outbox) {
        this.rows = rows;
        this.notices = notices;
        this.outbox = outbox;
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
        outbox.enqueue("reminder:" + kind + ":" + row.id() + ":" + row.reworkCount(), row.personUserId(), "REMINDER",
                locale -> notices.taskValues(row, locale));
    }
}
