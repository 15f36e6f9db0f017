package cn.chuangwei.task;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.org.Directory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office moves a task's deadline (延期 or 提前), with its reason: the one way a deadline changes once a task is set.
 * The row takes the new day; its open task in Tasklist takes the new due date, its reminders and its deadline step
 * move with it; the change is recorded in the row's history and as a comment on the task (who, from, to, why).
 */
@Service
class DeadlineChanges {

    static final int REASON_MAX = 500;
    /** The unit task's timers and the day each falls on, from the deadline (see phase.bpmn). */
    private static final List<String> TIMERS = List.of("UnitReminderBefore", "UnitReminderOnDay", "UnitDeadline");

    private final TaskRowRepository rows;
    private final PhaseRepository phases;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AppRights appRights;
    private final DueDates dueDates;
    private final Directory directory;
    private final Clock clock;

    DeadlineChanges(TaskRowRepository rows, PhaseRepository phases, TaskService tasks, RuntimeService runtime,
                    ManagementService management, AppRights appRights, DueDates dueDates, Directory directory,
                    Clock clock) {
        this.rows = rows;
        this.phases = phases;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.appRights = appRights;
        this.dueDates = dueDates;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Moves the row's deadline to {@code deadline}: a row still with its unit, a day from today (in a phase not yet
     * started, from its first day) to the campaign's last day, a reason given. Refusals name the field.
     */
    @Transactional
    public TaskRow change(long campaignId, long rowId, LocalDate deadline, String reason, String user) {
        TaskRow row = rows.find(rowId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
        if (!row.status().isOpen()) {
            throw ApiException.conflict("task-not-with-unit", "deadline");
        }
        String why = reason(reason);
        if (deadline == null) {
            throw ApiException.badRequest("required", "deadline", "deadline");
        }
        List<CampaignPhase> all = phases.ofCampaign(campaignId);
        CampaignPhase phase = all.stream().filter(p -> p.phase() == row.phase()).findFirst().orElseThrow();
        LocalDate from = phase.status() == PhaseStatus.PENDING && phase.startDate().isAfter(dueDates.today())
                ? phase.startDate() : dueDates.today();
        LocalDate to = all.stream().map(CampaignPhase::endDate).max(LocalDate::compareTo).orElseThrow();
        if (deadline.isBefore(from) || deadline.isAfter(to)) {
            throw ApiException.badRequest("deadline-out-of-window", "deadline", "deadline", from, to);
        }
        if (deadline.equals(row.deadline())) {
            throw ApiException.badRequest("deadline-unchanged", "deadline", deadline);
        }
        rows.setDeadline(rowId, deadline);
        String note = row.deadline() + " → " + deadline + "：" + why;
        rows.event(rowId, "DEADLINE_CHANGED", user, note, clock.instant());
        appRights.lookUp(() -> {
            moveOpenTask(rowId, deadline, directory.displayName(user) + "：" + note);
            return null;
        });
        return rows.find(rowId).orElseThrow();
    }

    /** The reason of a change to a row, trimmed: required, at most {@value #REASON_MAX} characters. */
    static String reason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw ApiException.badRequest("required", "reason", "reason");
        }
        if (why.length() > REASON_MAX) {
            throw ApiException.badRequest("too-long", "reason", "reason", REASON_MAX);
        }
        return why;
    }

    /** The row's open unit task (if its phase has started): due date, the variables its timers read, the timers. */
    private void moveOpenTask(long rowId, LocalDate deadline, String note) {
        Task task = tasks.createTaskQuery().taskDefinitionKey(UnitTaskForms.UNIT_TASK)
                .taskVariableValueEquals(TaskVariables.TASK_ROW_ID, rowId).singleResult();
        if (task == null) {
            return;
        }
        Date due = dueDates.dueOn(deadline);
        Map<String, Date> timers = Map.of("UnitReminderBefore", dueDates.reminderBefore(deadline, 2),
                "UnitReminderOnDay", dueDates.reminderBefore(deadline, 0), "UnitDeadline", due);
        task.setDueDate(due);
        tasks.saveTask(task);
        runtime.setVariable(task.getExecutionId(), "taskDeadline", due);
        runtime.setVariable(task.getExecutionId(), "taskDeadlineText", deadline.toString());
        runtime.setVariable(task.getExecutionId(), "reminderBefore", timers.get("UnitReminderBefore"));
        runtime.setVariable(task.getExecutionId(), "reminderOnDay", timers.get("UnitReminderOnDay"));
        for (String timer : TIMERS) {
            for (Job job : management.createJobQuery().executionId(task.getExecutionId()).activityId(timer).list()) {
                management.setJobDuedate(job.getId(), timers.get(timer));
            }
        }
        tasks.createComment(task.getId(), task.getProcessInstanceId(), "【调整完成时限】" + note);
    }
}
