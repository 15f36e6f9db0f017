package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The steps of {@code acceptance.bpmn} and {@code maintenance.bpmn}. */
final class AcceptanceDelegates {

    private AcceptanceDelegates() {
    }

    /** Computes the due dates of the office's acceptance steps once. */
    @Component("acceptancePlanner")
    static class Planner implements JavaDelegate {

        private final DueDates dueDates;
        private final int noticeDays;

        Planner(DueDates dueDates, @Value("${chuangwei.acceptance.notice-days:10}") int noticeDays) {
            this.dueDates = dueDates;
            this.noticeDays = noticeDays;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("submitDue", dueDates.dueInWorkingDays(5));
            execution.setVariable("resultsDue", dueDates.dueInWorkingDays(30));
            execution.setVariable("noticeDue", dueDates.dueInWorkingDays(noticeDays));
        }
    }

    /** The office submits the application; refused while a veto item fails. */
    @Component("applicationSubmitted")
    static class Submitted implements TaskListener {

        private final AcceptanceService acceptance;

        Submitted(AcceptanceService acceptance) {
            this.acceptance = acceptance;
        }

        @Override
        public void notify(DelegateTask task) {
            AcceptanceForms.SUBMIT_APPLICATION.checkVariables(task::getVariable);
            acceptance.submit(TaskVariables.campaignId(task), ((String) task.getVariable(AcceptanceForms.REFERENCE)).trim(),
                    task.getAssignee());
        }
    }

    /** The result of an external inspection: PASS, or FAIL with its problem list. */
    @Component("externalResultsRecorded")
    static class Results implements TaskListener {

        private final AcceptanceService acceptance;

        Results(AcceptanceService acceptance) {
            this.acceptance = acceptance;
        }

        @Override
        public void notify(DelegateTask task) {
            AcceptanceForms.EXTERNAL_RESULTS.checkVariables(task::getVariable);
            String outcome = (String) task.getVariable(AcceptanceForms.EXTERNAL_OUTCOME);
            int attempt = acceptance.recordResult(TaskVariables.campaignId(task), outcome,
                    (String) task.getVariable(AcceptanceForms.PROBLEMS), task.getAssignee());
            task.getExecution().setVariable("externalResult", outcome);
            task.getExecution().setVariable("externalAttempt", attempt);
        }
    }

    /** Public notice done, the town is named. */
    @Component("namingRecorded")
    static class Named implements TaskListener {

        private final AcceptanceService acceptance;

        Named(AcceptanceService acceptance) {
            this.acceptance = acceptance;
        }

        @Override
        public void notify(DelegateTask task) {
            AcceptanceForms.PUBLIC_NOTICE.checkVariables(task::getVariable);
            acceptance.recordNaming(TaskVariables.campaignId(task),
                    LocalDate.parse(((String) task.getVariable(AcceptanceForms.NAMING_DATE)).trim()),
                    ((String) task.getVariable(AcceptanceForms.NAMING_DOCUMENT)).trim());
        }
    }

    /** A second failed inspection ends this cycle: the campaign is closed as not passed; its record stays. */
    @Component("acceptanceNotPassed")
    static class NotPassed implements JavaDelegate {

        private final CampaignRepository campaigns;
        private final Clock clock;

        NotPassed(CampaignRepository campaigns, Clock clock) {
            this.campaigns = campaigns;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            campaigns.close(TaskVariables.campaignId(execution), "NOT_PASSED", clock.instant());
        }
    }

    /**
     * Long-term maintenance (长效管理): the re-review falls due three years after naming (or the last re-review), and
     * spot checks run monthly from the next month; both moments are computed once here.
     */
    @Component("maintenancePlanner")
    static class Maintenance implements JavaDelegate {

        private final AcceptanceService acceptance;
        private final DueDates dueDates;

        Maintenance(AcceptanceService acceptance, DueDates dueDates) {
            this.acceptance = acceptance;
            this.dueDates = dueDates;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long campaignId = TaskVariables.campaignId(execution);
            execution.setVariable("reReviewAt", dueDates.morningOf(acceptance.nextReviewOn(campaignId)));
        }

    }

    /** After a re-review: READY sets the next one three years on; anything else ends the maintenance on record. */
    @Component("reReviewRecorder")
    static class ReReview implements JavaDelegate {

        private final AcceptanceService acceptance;
        private final DueDates dueDates;

        ReReview(AcceptanceService acceptance, DueDates dueDates) {
            this.acceptance = acceptance;
            this.dueDates = dueDates;
        }

        @Override
        public void execute(DelegateExecution execution) {
            if ("READY".equals(execution.getVariable("inspectionOutcome"))) {
                acceptance.nextReview(TaskVariables.campaignId(execution), dueDates.today());
            }
        }
    }

    /** A monthly spot check: on creation a sample of the standard's items; on completion the findings. */
    @Component("spotCheckRecorder")
    static class SpotCheck implements TaskListener {

        private final AcceptanceService acceptance;
        private final CampaignRepository campaigns;
        private final Standards standards;
        private final DueDates dueDates;
        private final int sample;

        SpotCheck(AcceptanceService acceptance, CampaignRepository campaigns, Standards standards, DueDates dueDates,
                  @Value("${chuangwei.acceptance.spot-check-items:5}") int sample) {
            this.acceptance = acceptance;
            this.campaigns = campaigns;
            this.standards = standards;
            this.dueDates = dueDates;
            this.sample = sample;
        }

        @Override
        public void notify(DelegateTask task) {
            long campaignId = TaskVariables.campaignId(task);
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                List<Standards.Item> items = standards.find(campaigns.find(campaignId).orElseThrow().standardCode())
                        .orElseThrow().items();
                // a different sample each month: items rotate by the month's number
                int month = dueDates.today().getYear() * 12 + dueDates.today().getMonthValue();
                String text = java.util.stream.IntStream.range(0, Math.min(sample, items.size()))
                        .mapToObj(i -> items.get((month * sample + i) % items.size()))
                        .map(i -> i.code() + "  " + i.name()).collect(Collectors.joining("\n"));
                task.setVariableLocal("sampleItems", text);
                task.getExecution().setVariableLocal(MaintenanceForms.FINDINGS, null);
                return;
            }
            MaintenanceForms.SPOT_CHECK.checkVariables(task::getVariable);
            acceptance.recordSpotCheck(campaignId, ((String) task.getVariable(MaintenanceForms.FINDINGS)).trim(), sample,
                    task.getAssignee());
        }
    }

    /** A month's spot check falls due a few working days after it opens. */
    @Component("spotCheckPlanner")
    static class SpotCheckPlanner implements org.camunda.bpm.engine.delegate.ExecutionListener {

        private final DueDates dueDates;

        SpotCheckPlanner(DueDates dueDates) {
            this.dueDates = dueDates;
        }

        @Override
        public void notify(DelegateExecution execution) {
            execution.setVariableLocal("spotCheckDue", dueDates.dueInWorkingDays(5));
        }
    }
}
