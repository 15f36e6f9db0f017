package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.notify.MailOutbox;
import cn.chuangwei.org.Directory;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskStatus;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A step of the escalation ladder for a unit's task, run by the task's deadline timer and its daily check. It measures
 * the task (working days overdue, share of the time limit used, critical, how often the unit went red),
 * {@code dmn/escalation-ladder.dmn} decides the level and who is told, and a level the task has not reached before is
 * recorded once, noted in the task's history and mailed. A task the unit has submitted is not escalated.
 */
@Component("ladderCheck")
class LadderCheck implements JavaDelegate {

    private final TaskRowRepository rows;
    private final EscalationRepository steps;
    private final DecisionService decisions;
    private final TaskService tasks;
    private final DueDates dueDates;
    private final TimeLimits timeLimits;
    private final Notices notices;
    private final MailOutbox outbox;
    private final Directory directory;
    private final Texts texts;
    private final Clock clock;

    LadderCheck(TaskRowRepository rows, EscalationRepository steps, DecisionService decisions, TaskService tasks,
                DueDates dueDates, TimeLimits timeLimits, Notices notices, MailOutbox outbox, Directory directory,
                Texts texts, Clock clock) {
        this.rows = rows;
        this.steps = steps;
        this.decisions = decisions;
        this.tasks = tasks;
        this.dueDates = dueDates;
        this.timeLimits = timeLimits;
        this.notices = notices;
        this.outbox = outbox;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskRow row = rows.find(TaskVariables.taskRowId(execution)).orElseThrow();
        if (row.status() != TaskStatus.OPEN && row.status() != TaskStatus.RETURNED) {
            return;
        }
        LocalDate assigned = ((Date) execution.getVariable("assignedAt")).toInstant().atZone(dueDates.zone()).toLocalDate();
        TimeLimits.Measure m = timeLimits.measure(assigned, row.deadline());
        boolean overdue = m.overdue();
        int daysOverdue = m.workingDaysOverdue();
        double used = m.timeUsedShare();
        int unitReds = steps.unitEscalations(row.campaignId(), row.unitCode(), row.id());

        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey("escalation-ladder")
                .variables(Variables.createVariables().putValue("overdue", overdue)
                        .putValue("workingDaysOverdue", daysOverdue).putValue("critical", row.critical())
                        .putValue("unitEscalations", unitReds).putValue("timeUsedShare", used))
                .evaluate().getSingleResult();
        LadderLevel level = LadderLevel.valueOf((String) result.getEntry("level"));
        if (level == LadderLevel.NONE
                || steps.highest(row.id()).map(h -> h.rank() >= level.rank()).orElse(false)) {
            return;
        }
        String notify = (String) result.getEntry("notify");
        String interviewer = notices.interviewer(row, (String) result.getEntry("interviewer"));
        if (!steps.record(row.campaignId(), row.id(), row.unitCode(), level, daysOverdue, interviewer, notify,
                clock.instant())) {
            return;
        }
        int percent = (int) Math.round(Math.min(used, 1.0) * 100);
        rows.event(row.id(), "ESCALATION", null, level.name() + " " + texts.zh("ladder." + level.name()), clock.instant());
        Object taskId = execution.getVariable("unitTaskId");
        if (taskId != null) {
            tasks.createComment((String) taskId, execution.getProcessInstanceId(), "【督查督办】" + texts.zh("ladder." + level.name())
                    + "：" + (overdue ? texts.zh("ladder.situation.overdue", daysOverdue)
                    : texts.zh("ladder.situation.before", percent)));
        }
        outbox.enqueueAll("escalation:" + row.id() + ":" + level.name(), notices.people(row, notify), "ESCALATION",
                localeTag -> {
                    var locale = Notices.locale(localeTag);
                    Map<String, String> v = notices.taskValues(row, localeTag);
                    v.put("levelName", texts.get("ladder." + level.name(), locale));
                    v.put("daysOverdue", String.valueOf(daysOverdue));
                    v.put("situation", overdue ? texts.get("ladder.situation.overdue", locale, daysOverdue)
                            : texts.get("ladder.situation.before", locale, percent));
                    v.put("interviewNote", interviewer == null ? ""
                            : texts.get("ladder.interview", locale, directory.displayName(interviewer), v.get("unitName")));
                    return v;
                });
    }
}
