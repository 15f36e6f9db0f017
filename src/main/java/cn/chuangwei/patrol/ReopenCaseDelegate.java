package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An unsatisfied caller reopens the case once: back to the same unit. */
@Component
class ReopenCaseDelegate implements JavaDelegate {

    private final CaseTransitions transitions;
    private final DueDates dueDates;
    private final Clock clock;

    ReopenCaseDelegate(CaseTransitions transitions, DueDates dueDates, Clock clock) {
        this.transitions = transitions;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = caseId(execution);
        Instant now = clock.instant();
        Date due = dueDates.addWorkingHours(now, ((Number) execution.getVariable("handleHours")).intValue());
        transitions.reopen(id, due, "群众不满意，重新办理", now);
        execution.setVariable("handleDue", due);
        execution.setVariable("handleCheckCycle", dueDates.dailyFrom(due));
        execution.setVariable("reopenedBefore", true);
    }
}
