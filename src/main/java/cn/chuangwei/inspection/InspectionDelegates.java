package cn.chuangwei.inspection;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.task.NewTaskRow;
import cn.chuangwei.task.TaskOrigin;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The steps of {@code self-inspection.bpmn}. */
final class InspectionDelegates {

    private InspectionDelegates() {
    }

    /** Opens a round of self-inspection and computes its due date once. */
    @Component("inspectionPreparer")
    static class Preparer implements JavaDelegate {

        private final InspectionService inspection;
        private final DueDates dueDates;
        private final int days;

        Preparer(InspectionService inspection, DueDates dueDates, @Value("${chuangwei.inspection.days:5}") int days) {
            this.inspection = inspection;
            this.dueDates = dueDates;
            this.days = days;
        }

        @Override
        public void execute(DelegateExecution execution) {
            InspectionService.Round round = inspection.startRound(TaskVariables.campaignId(execution));
            execution.setVariable("inspectionRound", round.roundNo());
            execution.setVariable("inspectionDue", dueDates.dueInWorkingDays(days));
        }
    }

    /** An area's score sheet: on creation it lists the items to score; on completion the scores are recorded. */
    @Component("scoreSheetRecorder")
    static class ScoreSheet implements TaskListener {

        private final InspectionService inspection;

        ScoreSheet(InspectionService inspection) {
            this.inspection = inspection;
        }

        @Override
        public void notify(DelegateTask task) {
            String area = (String) task.getVariable("area");
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                long campaignId = TaskVariables.campaignId(task);
                task.setVariableLocal("areaName", inspection.areaName(campaignId, area));
                task.setVariableLocal("itemsText", inspection.itemsText(campaignId, area));
                task.getExecution().setVariableLocal(SelfInspectionForms.SCORES, null);
                return;
            }
            SelfInspectionForms.SCORE_SHEET.checkVariables(task::getVariable);
            inspection.recordScores(TaskVariables.campaignId(task), (String) task.getVariable("area"),
                    (String) task.getVariable(SelfInspectionForms.SCORES), task.getAssignee());
        }
    }

    /** The indicator readings: on creation the indicators to read are listed; on completion the readings recorded. */
    @Component("readingsRecorder")
    static class Readings implements TaskListener {

        private final InspectionService inspection;

        Readings(InspectionService inspection) {
            this.inspection = inspection;
        }

        @Override
        public void notify(DelegateTask task) {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.setVariableLocal("indicatorsText", inspection.indicatorsText(TaskVariables.campaignId(task)));
                task.getExecution().setVariableLocal(SelfInspectionForms.READINGS, null);
                return;
            }
            SelfInspectionForms.INDICATOR_READINGS.checkVariables(task::getVariable);
            inspection.recordReadings(TaskVariables.campaignId(task), (String) task.getVariable(SelfInspectionForms.READINGS),
                    task.getAssignee());
        }
    }

    /**
     * Judges each reading with {@code dmn/indicator-compliance.dmn} against the threshold in force, and sums the round up
     * for {@code dmn/acceptance-readiness.dmn}.
     */
    @Component("inspectionEvaluator")
    static class Evaluator implements JavaDelegate {

        private final InspectionService inspection;
        private final DecisionService decisions;

        Evaluator(InspectionService inspection, DecisionService decisions) {
            this.inspection = inspection;
            this.decisions = decisions;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long campaignId = TaskVariables.campaignId(execution);
            for (Map<String, Object> reading : inspection.readingsToJudge(campaignId)) {
                String result = (String) decisions.evaluateDecisionTableByKey("indicator-compliance")
                        .variables(Variables.fromMap(reading)).evaluate().getSingleResult().getEntry("result");
                inspection.recordResult(campaignId, (String) reading.get("code"), result);
            }
            InspectionService.Summary s = inspection.summarize(campaignId);
            execution.setVariable("vetoFailed", s.vetoFailed());
            execution.setVariable("failedIndicators", s.failedIndicators());
            execution.setVariable("areasBelowMin", s.areasBelowMin());
            execution.setVariable("scoreOverPass", s.scoreOverPass());
        }
    }

    /**
     * Records the readiness decided; RECTIFY gives each failed item and indicator a rectification task (整改任务) for
     * the unit that answers for its area, due in the configured working days and supervised by the ladder.
     */
    @Component("readinessRecorder")
    static class Readiness implements JavaDelegate {

        private final InspectionService inspection;
        private final TaskRowRepository rows;
        private final PhaseRepository phases;
        private final CampaignRepository campaigns;
        private final DueDates dueDates;
        private final int rectifyDays;

        Readiness(InspectionService inspection, TaskRowRepository rows, PhaseRepository phases,
                  CampaignRepository campaigns, DueDates dueDates,
                  @Value("${chuangwei.inspection.rectify-days:10}") int rectifyDays) {
            this.inspection = inspection;
            this.rows = rows;
            this.phases = phases;
            this.campaigns = campaigns;
            this.dueDates = dueDates;
            this.rectifyDays = rectifyDays;
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

    /** A campaign whose self-inspection found a veto item failed ends here, not eligible to apply; its record stays. */
    @Component("campaignNotEligible")
    static class NotEligible implements JavaDelegate {

        private final CampaignRepository campaigns;
        private final Clock clock;

        NotEligible(CampaignRepository campaigns, Clock clock) {
            this.campaigns = campaigns;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            campaigns.close(TaskVariables.campaignId(execution), "NOT_ELIGIBLE", clock.instant());
        }
    }
}
