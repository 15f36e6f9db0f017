package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 挂账: the office approves the new target date (the handling deadline moves) or refuses it. */
@Component
class RecordPendingDecisionListener implements TaskListener {

    private final CaseTransitions transitions;
    private final DueDates dueDates;
    private final Clock clock;

    RecordPendingDecisionListener(CaseTransitions transitions, DueDates dueDates, Clock clock) {
        this.transitions = transitions;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.APPROVE_PENDING.checkVariables(task::getVariable);
        long id = caseId(task);
        if ("YES".equals(task.getVariable("pendingApproved"))) {
            Date due = (Date) task.getVariable("pendingDue");
            transitions.approveDelay(id, due, task.getAssignee(), clock.instant());
            task.getExecution().setVariable("handleDue", due);
            task.getExecution().setVariable("handleCheckCycle", dueDates.dailyFrom(due));
        } else {
            transitions.refuseDelay(id, task.getAssignee(), clock.instant());
        }
    }
}
