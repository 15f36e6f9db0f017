package cn.chuangwei.ops;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bean names that process versions deployed before the delegates and listeners were named after what they do
 * (December 2026) still use. A campaign runs for months on the version it started with, so those versions keep working:
 * each old name is an alias of the bean that does its work now; an old listener that did two things (one on create,
 * one on complete) is a small bean in its module that hands each event to today's listener ({@link #byEvent}). Remove
 * a name once no instance of a version that uses it is running (Cockpit shows the versions and their instances).
 */
@Configuration
public class PreviousBeanNames {

    /** Old name → today's bean, for every delegate and listener renamed one for one. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("acceptanceNotPassed", "closeNotPassedDelegate"),
            Map.entry("acceptancePlanner", "planAcceptanceDelegate"),
            Map.entry("applicationSubmitted", "submitApplicationListener"),
            Map.entry("externalResultsRecorded", "recordExternalResultsListener"),
            Map.entry("namingRecorded", "recordNamingListener"),
            Map.entry("campaignCompletion", "completeCampaignDelegate"),
            Map.entry("campaignGroupSync", "syncGroupsDelegate"),
            Map.entry("campaignNotEligible", "closeNotEligibleDelegate"),
            Map.entry("campaignRegistration", "registerCampaignDelegate"),
            Map.entry("maintenancePlanner", "planMaintenanceDelegate"),
            Map.entry("reReviewRecorder", "recordReReviewDelegate"),
            Map.entry("spotCheckPlanner", "planSpotCheckListener"),
            Map.entry("callerNotifier", "notifyCallerDelegate"),
            Map.entry("caseChecked", "recordCheckListener"),
            Map.entry("caseDispatched", "recordDispatchListener"),
            Map.entry("caseHandled", "recordHandlingListener"),
            Map.entry("caseOverdue", "escalateCaseDelegate"),
            Map.entry("caseRegistered", "recordRegistrationListener"),
            Map.entry("caseReopener", "reopenCaseDelegate"),
            Map.entry("caseRouter", "routeCaseDelegate"),
            Map.entry("caseVoided", "voidCaseDelegate"),
            Map.entry("pendingDecided", "recordPendingDecisionListener"),
            Map.entry("gateInputs", "collectGateInputsDelegate"),
            Map.entry("gateOutcomeRecorder", "recordGateOutcomeDelegate"),
            Map.entry("gateSignatureRecorder", "recordSignatureListener"),
            Map.entry("leaderDecisionRecorder", "recordLeaderDecisionListener"),
            Map.entry("phaseCloser", "closePhaseDelegate"),
            Map.entry("phaseGate", "openGateDelegate"),
            Map.entry("phaseWork", "loadWorkDelegate"),
            Map.entry("reviewRecorder", "recordReviewListener"),
            Map.entry("rowTaskLink", "linkTaskToRowListener"),
            Map.entry("signReminder", "remindSignersDelegate"),
            Map.entry("taskReminder", "remindUnitDelegate"),
            Map.entry("unitTaskAssigned", "notifyAssignmentListener"),
            Map.entry("unitTaskContext", "prepareUnitTaskListener"),
            Map.entry("unitTaskSubmitted", "recordSubmissionListener"),
            Map.entry("ladderCheck", "escalateTaskDelegate"),
            Map.entry("inspectionEvaluator", "evaluateInspectionDelegate"),
            Map.entry("inspectionPreparer", "prepareInspectionDelegate"),
            Map.entry("readinessRecorder", "recordReadinessDelegate"));

    @Bean
    static BeanFactoryPostProcessor previousBeanNameAliases() {
        return factory -> ALIASES.forEach((old, now) -> factory.registerAlias(now, old));
    }

    /** A listener of an old version that worked on two events: each event goes to today's listener for it. */
    public static TaskListener byEvent(TaskListener onCreate, TaskListener onComplete) {
        return (DelegateTask task) -> (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? onCreate : onComplete)
                .notify(task);
    }
}
