package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code dmn/case-routing.dmn} proposes the responsible unit (by its role) and each stage's time limit in working
 * hours; the registration deadline is computed here, the later ones as each stage starts.
 */
@Component
class RouteCaseDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CampaignRepository campaigns;
    private final DecisionService decisions;
    private final DueDates dueDates;
    private final Clock clock;
    private final CaseNames names;

    RouteCaseDelegate(CaseRepository cases, CampaignRepository campaigns, DecisionService decisions, DueDates dueDates,
                      Clock clock, CaseNames names) {
        this.cases = cases;
        this.names = names;
        this.campaigns = campaigns;
        this.decisions = decisions;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    /**
     * The 派遣 form's drop-down of units: "code=name" for each unit of the campaign, separated by ";", which the form's FEEL
     * expression ({@code valuesExpression}) splits into options. Text, not JSON: Tasklist and the workbench evaluate the
     * same expression on the same variable, and the engine has no JSON variable type here (no Spin).
     */
    static final String UNIT_CHOICES = "unitChoices";

    @Override
    public void execute(DelegateExecution execution) {
        PatrolCase c = cases.find(caseId(execution)).orElseThrow();
        DmnDecisionRuleResult r = decisions.evaluateDecisionTableByKey("case-routing")
                .variables(Variables.createVariables().putValue("category", c.category()).putValue("urgency", c.urgency()))
                .evaluate().getSingleResult();
        String role = r.getEntry("unitRole");
        String unit = campaigns.units(c.campaignId()).stream().filter(u -> u.roles().contains(role))
                .map(CampaignUnit::code).findFirst()
                .orElseGet(() -> campaigns.units(c.campaignId()).stream().filter(u -> u.roles().contains("office"))
                        .map(CampaignUnit::code).findFirst().orElse(campaigns.units(c.campaignId()).get(0).code()));
        // the dispatcher picks the unit by its name from the campaign's units, the proposed one preselected (the 派遣 task's
        // input "unitCode"); "unitCode" itself is set only when the case is dispatched, so that no earlier task names a unit
        List<CampaignUnit> units = campaigns.units(c.campaignId());
        execution.setVariable("proposedUnit", unit);
        execution.setVariable("proposedUnitName", units.stream().filter(u -> u.code().equals(unit)).map(CampaignUnit::name)
                .findFirst().orElse(unit));
        execution.setVariable(UNIT_CHOICES, unitChoices(units));
        execution.setVariable("dispatchHours", ((Number) r.getEntry("dispatchHours")).intValue());
        execution.setVariable("handleHours", ((Number) r.getEntry("handleHours")).intValue());
        execution.setVariable("feedbackHours", ((Number) r.getEntry("feedbackHours")).intValue());
        execution.setVariable("checkHours", ((Number) r.getEntry("checkHours")).intValue());
        execution.setVariable("registerDue", dueDates.addWorkingHours(clock.instant(),
                ((Number) r.getEntry("registerHours")).intValue()));
        // the task's name reads "立案：乱堆乱放：青山路12号", the category by its name, never its code
        execution.setVariable("caseTitle", names.title(c));
        execution.setVariable("reopenedBefore", false);
        execution.setVariable("complaint", "HOTLINE".equals(c.source()));
    }

    /** "code=name;code=name": a unit's code holds neither sign; a name's own are written full-width. */
    static String unitChoices(List<CampaignUnit> units) {
        return units.stream().map(u -> u.code() + "=" + u.name().replace(';', '；').replace('=', '＝'))
                .collect(java.util.stream.Collectors.joining(";"));
    }
}
