package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.escalation.Ladder;
import cn.chuangwei.escalation.Subject;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step of the escalation ladder for a unit's task, run by the task's deadline timer and its daily check: it measures
 * the task against its time limit and hands it to the {@link Ladder}; a level reached for the first time is noted in
 * the task's history and in a comment on its open task. A task the unit has submitted is not escalated.
 */
@Component
class EscalateTaskDelegate implements JavaDelegate {

    private final TaskRowRepository rows;
    private final Ladder ladder;
    private final TaskService tasks;
    private final DueDates dueDates;
    private final TimeLimits timeLimits;
    private final Notices notices;
    private final Clock clock;

    EscalateTaskDelegate(TaskRowRepository rows, Ladder ladder, TaskService tasks, DueDates dueDates, TimeLimits timeLimits,
                Notices notices, Clock clock) {
        this.rows = rows;
        this.ladder = ladder;
        this.tasks = tasks;
        this.dueDates = dueDates;
        this.timeLimits = timeLimits;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskRow row = rows.find(TaskVariables.taskRowId(execution)).orElseThrow();
        if (!row.status().isOpen()) {
            return;
        }
        LocalDate assigned = ((Date) execution.getVariable("assignedAt")).toInstant().atZone(dueDates.zone()).toLocalDate();
        TimeLimits.Measure m = timeLimits.measure(assigned, row.deadline());
        Subject subject = Subject.task(row.id(), row.campaignId(), row.unitCode(), row.personUserId(), row.critical());
        ladder.climb(subject, new Ladder.Measure(m.overdue(), m.workingDaysOverdue(), m.timeUsedShare()),
                        new Ladder.Notice("ESCALATION", tag -> notices.taskValues(row, tag)))
                .ifPresent(rung -> {
                    rows.event(row.id(), "ESCALATION", null, rung.level().name() + " " + rung.levelName(), clock.instant());
                    Object taskId = execution.getVariable("unitTaskId");
                    if (taskId != null) {
                        tasks.createComment((String) taskId, execution.getProcessInstanceId(),
                                "【督查督办】" + rung.levelName() + "：" + rung.situation());
                    }
                });
    }
}
