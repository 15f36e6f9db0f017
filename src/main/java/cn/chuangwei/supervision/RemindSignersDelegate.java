package cn.chuangwei.supervision;

import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import cn.chuangwei.phase.PhaseForms;
import cn.chuangwei.task.TaskVariables;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Reminds each leading-group member who has not yet signed the phase gate (two working days before, and on the day). */
@Component
class RemindSignersDelegate implements JavaDelegate {

    private final TaskService tasks;
    private final Notifier notifier;
    private final Notices notices;
    private final cn.chuangwei.calendar.DueDates dueDates;

    RemindSignersDelegate(TaskService tasks, Notifier notifier, Notices notices, cn.chuangwei.calendar.DueDates dueDates) {
        this.tasks = tasks;
        this.notifier = notifier;
        this.notices = notices;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = (String) execution.getVariable("reminderKind");
        String event = "reminder:gate:" + TaskVariables.campaignId(execution) + ":" + TaskVariables.phase(execution) + ":"
                + execution.getVariable("gateRound") + ":" + kind;
        for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(PhaseForms.SIGN_GATE).list()) {
            Map<String, String> v = new HashMap<>();
            v.put("taskTitle", t.getName());
            v.put("deadline", t.getDueDate().toInstant().atZone(dueDates.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE));
            v.put("campaignName", String.valueOf(execution.getVariable("campaignName")));
            v.put("phaseName", String.valueOf(execution.getVariable("phaseName")));
            v.put("link", notices.tasklistLink());
            notifier.send(new Notifier.Notice(event, NoticeKind.REMINDER, TaskVariables.campaignId(execution), null,
                    "REMINDER", locale -> new HashMap<>(v)), java.util.List.of(t.getAssignee()));
        }
    }
}
