package cn.chuangwei.supervision;

import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A unit's task is created (or handed back for rework): its owner is told by mail, and the ladder learns its task id. */
@Component
class NotifyAssignmentListener implements TaskListener {

    private final TaskRowRepository rows;
    private final Notices notices;
    private final Notifier notifier;

    NotifyAssignmentListener(TaskRowRepository rows, Notices notices, Notifier notifier) {
        this.rows = rows;
        this.notices = notices;
        this.notifier = notifier;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariable("unitTaskId", task.getId());
        TaskRow row = rows.find(TaskVariables.taskRowId(task)).orElseThrow();
        notifier.send(new Notifier.Notice("assigned:" + task.getId(), NoticeKind.ASSIGNMENT, row.campaignId(),
                row.unitCode(), "TASK_ASSIGNED", locale -> notices.taskValues(row, locale)), java.util.List.of(row.personUserId()));
    }
}
