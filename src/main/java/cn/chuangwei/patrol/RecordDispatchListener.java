package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 派遣: the dispatcher confirms the proposed unit or redirects the case; the handling deadline starts. */
@Component
class RecordDispatchListener implements TaskListener {

    private final CaseTransitions transitions;
    private final DueDates dueDates;
    private final Clock clock;

    RecordDispatchListener(CaseTransitions transitions, DueDates dueDates, Clock clock) {
        this.transitions = transitions;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.DISPATCH_CASE.checkVariables(task::getVariable);
        long id = caseId(task);
        String unit = ((String) task.getVariable("unitCode")).trim();
        Instant now = clock.instant();
        Date due = dueDates.addWorkingHours(now, ((Number) task.getVariable("handleHours")).intValue());
        transitions.dispatch(id, unit, due, task.getAssignee(), now);
        task.getExecution().setVariable("caseUnit", unit);
        // the case's unit from now on (the workbench's heading reads it); the task's own "unitCode" ends with it
        task.getExecution().getProcessInstance().setVariable("unitCode", unit);
        task.getExecution().setVariable("handleDue", due);
        task.getExecution().setVariable("handleCheckCycle", dueDates.dailyFrom(due));
    }
}
