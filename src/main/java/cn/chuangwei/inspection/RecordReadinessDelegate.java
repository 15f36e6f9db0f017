package cn.chuangwei.inspection;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.NewTaskRow;
import cn.chuangwei.task.TaskOrigin;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the readiness decided; RECTIFY gives each failed item and indicator a rectification task (整改任务) for
 * the unit that answers for its area, due in the configured working days and supervised by the ladder.
 */
@Component
class RecordReadinessDelegate implements JavaDelegate {

    private final InspectionService inspection;
    private final TaskRowRepository rows;
    private final PhaseRepository phases;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final int rectifyDays;

    RecordReadinessDelegate(InspectionService inspection, TaskRowRepository rows, PhaseRepository phases,
                            CampaignRepository campaigns, DueDates dueDates,
                            InspectionSettings settings) {
        this.inspection = inspection;
        this.rows = rows;
        this.phases = phases;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.rectifyDays = settings.rectifyDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        String outcome = (String) execution.getVariable("inspectionOutcome");
        if ("RECTIFY".equals(outcome)) {
            LocalDate deadline = dueDates.workingDaysFromToday(rectifyDays);
            int round = phases.find(campaignId, Phase.SELF_INSPECTION).map(p -> p.gateRound()).orElse(0);
            for (InspectionService.Failure f : inspection.failures(campaignId)) {
                String unit = inspection.responsibleUnit(campaignId, f.areaCode());
                String head = campaigns.unit(campaignId, unit).orElseThrow().headUserId();
                rows.insert(campaignId, new NewTaskRow(Phase.SELF_INSPECTION, truncate(f.title(), 200),
                        truncate(f.target(), 1000), unit, head, deadline, true, f.areaCode()),
                        TaskOrigin.RECTIFICATION, round);
            }
        }
        inspection.close(campaignId, outcome);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
