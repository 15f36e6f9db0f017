package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 派遣: the dispatcher confirms the proposed unit or redirects the case; the handling deadline starts. */
@Component
class RecordDispatchListener implements TaskListener {

    private final CaseRepository cases;
    private final CaseTransitions transitions;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final Clock clock;

    RecordDispatchListener(CaseRepository cases, CampaignRepository campaigns, DueDates dueDates, Clock clock, CaseTransitions transitions) {
        this.cases = cases;
        this.transitions = transitions;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.DISPATCH_CASE.checkVariables(task::getVariable);
        long id = caseId(task);
        String unit = ((String) task.getVariable("unitCode")).trim();
        PatrolCase c = cases.find(id).orElseThrow();
        if (campaigns.unit(c.campaignId(), unit).isEmpty()) {
            throw ApiException.badRequest("unknown-unit", "unitCode", "unitCode", unit);
        }
        Instant now = clock.instant();
        Date due = dueDates.addWorkingHours(now, ((Number) task.getVariable("handleHours")).intValue());
        transitions.dispatch(id, unit, due, task.getAssignee(), now);
        task.getExecution().setVariable("caseUnit", unit);
        task.getExecution().setVariable("handleDue", due);
        task.getExecution().setVariable("handleCheckCycle", dueDates.dailyFrom(due));
    }
}
