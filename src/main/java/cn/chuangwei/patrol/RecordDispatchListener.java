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
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final Clock clock;

    RecordDispatchListener(CaseRepository cases, CampaignRepository campaigns, DueDates dueDates, Clock clock) {
        this.cases = cases;
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
        cases.set(id, "status = 'DISPATCHED', unit_code = :u, dispatched_at = coalesce(dispatched_at, :t), handle_due = :d",
                "u", unit, "t", now, "d", due);
        cases.event(id, "DISPATCHED", task.getAssignee(), unit, now);
        task.getExecution().setVariable("caseUnit", unit);
        task.getExecution().setVariable("handleDue", due);
        task.getExecution().setVariable("handleCheckCycle", dueDates.dailyFrom(due));
    }
}
