package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * As the flow enters a step of {@code acceptance.bpmn} or {@code maintenance.bpmn} (the take of its incoming sequence
 * flow), its due date is computed once into the variable {@code <taskId>Due} that both its dueDate and its overdue timer
 * name: the step's working days ({@link AcceptanceSettings#stepDays}), or the closing date the rules set if that is
 * earlier ({@code <taskId>Cap}, e.g. the end of the national submission window). It must be known before the step
 * starts, for the engine sets the step's boundary timers before the step's own start listeners run. (The versions
 * deployed before the timers call it as the step's start listener.)
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
        String step = EVENTNAME_TAKE.equals(execution.getEventName())
                ? ((SequenceFlow) execution.getBpmnModelElementInstance()).getTarget().getId()
                : execution.getCurrentActivityId();
        Date due = dueDates.dueInWorkingDays(settings.days(step));
        if (execution.getVariable(step + "Cap") instanceof Date cap && cap.before(due) && cap.after(dueDates.dueOn(dueDates.today()))) {
            due = cap;
        }
        execution.setVariable(step + "Due", due);
    }
}
