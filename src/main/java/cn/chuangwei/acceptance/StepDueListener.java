package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * As a step of {@code acceptance.bpmn} or {@code maintenance.bpmn} starts, its due date is computed once into the
 * variable {@code <taskId>Due} that its dueDate names: the step's working days ({@link AcceptanceSettings#stepDays}), or
 * the closing date the rules set if that is earlier ({@code <taskId>Cap}, e.g. the end of the national submission window).
 */
@Component
class StepDueListener implements ExecutionListener {

    private final DueDates dueDates;
    private final AcceptanceSettings settings;

    StepDueListener(DueDates dueDates, AcceptanceSettings settings) {
        this.dueDates = dueDates;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String step = execution.getCurrentActivityId();
        Date due = dueDates.dueInWorkingDays(settings.days(step));
        if (execution.getVariable(step + "Cap") instanceof Date cap && cap.before(due) && cap.after(dueDates.dueOn(dueDates.today()))) {
            due = cap;
        }
        execution.setVariable(step + "Due", due);
    }
}
