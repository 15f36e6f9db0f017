package cn.chuangwei.patrol;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignMember;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.MemberRole;
import cn.chuangwei.notify.MailOutbox;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.kernel.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The steps of {@code patrol-case.bpmn}: 立案 → 派遣 → 处置 → 核查 → 结案, with 挂账, rework and the caller's reply. */
final class CaseDelegates {

    private CaseDelegates() {
    }

    static long caseId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable("caseId")).longValue();
    }

    /**
     * {@code dmn/case-routing.dmn} proposes the responsible unit (by its role) and each stage's time limit in working
     * hours; the registration deadline is computed here, the later ones as each stage starts.
     */
    @Component("caseRouter")
    static class Router implements JavaDelegate {

        private final CaseRepository cases;
        private final CampaignRepository campaigns;
        private final DecisionService decisions;
        private final DueDates dueDates;
        private final Clock clock;

        Router(CaseRepository cases, CampaignRepository campaigns, DecisionService decisions, DueDates dueDates,
               Clock clock) {
            this.cases = cases;
            this.campaigns = campaigns;
            this.decisions = decisions;
            this.dueDates = dueDates;
            this.clock = clock;
        }

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
            execution.setVariable("proposedUnit", unit);
            execution.setVariable("unitCode", unit);
            execution.setVariable("dispatchHours", ((Number) r.getEntry("dispatchHours")).intValue());
            execution.setVariable("handleHours", ((Number) r.getEntry("handleHours")).intValue());
            execution.setVariable("checkHours", ((Number) r.getEntry("checkHours")).intValue());
            execution.setVariable("registerDue", dueDates.addWorkingHours(clock.instant(),
                    ((Number) r.getEntry("registerHours")).intValue()));
            execution.setVariable("caseTitle", c.category() + "：" + c.address());
            execution.setVariable("reopenedBefore", false);
            execution.setVariable("complaint", "HOTLINE".equals(c.source()));
        }
    }

    /** 立案: the office registers the case, or voids it (a duplicate, not in scope) with a reason. */
    @Component("caseRegistered")
    static class Registered implements TaskListener {

        private final CaseRepository cases;
        private final DueDates dueDates;
        private final Clock clock;

        Registered(CaseRepository cases, DueDates dueDates, Clock clock) {
            this.cases = cases;
            this.dueDates = dueDates;
            this.clock = clock;
        }

        @Override
        public void notify(DelegateTask task) {
            PatrolCaseForms.REGISTER_CASE.checkVariables(task::getVariable);
            long id = caseId(task);
            Instant now = clock.instant();
            String decision = (String) task.getVariable("registerDecision");
            if ("VOID".equals(decision)) {
                String reason = ((String) task.getVariable("voidReason")).trim();
                cases.set(id, "status = 'VOID', void_reason = :r", "r", reason);
                cases.event(id, "VOIDED", task.getAssignee(), reason, now);
            } else {
                cases.set(id, "status = 'REGISTERED', registered_at = :t", "t", now);
                cases.event(id, "REGISTERED", task.getAssignee(), null, now);
                task.getExecution().setVariable("dispatchDue", dueDates.addWorkingHours(now,
                        ((Number) task.getVariable("dispatchHours")).intValue()));
            }
            task.getExecution().setVariable("registerOutcome", decision);
        }
    }

    /** 派遣: the dispatcher confirms the proposed unit or redirects the case; the handling deadline starts. */
    @Component("caseDispatched")
    static class Dispatched implements TaskListener {

        private final CaseRepository cases;
        private final CampaignRepository campaigns;
        private final DueDates dueDates;
        private final Clock clock;

        Dispatched(CaseRepository cases, CampaignRepository campaigns, DueDates dueDates, Clock clock) {
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

    /** 处置: the unit reports the case handled, sends a mis-routed case back (once), or asks to log it pending (挂账). */
    @Component("caseHandled")
    static class Handled implements TaskListener {

        private final CaseRepository cases;
        private final CampaignRepository campaigns;
        private final DueDates dueDates;
        private final Clock clock;

        Handled(CaseRepository cases, CampaignRepository campaigns, DueDates dueDates, Clock clock) {
            this.cases = cases;
            this.campaigns = campaigns;
            this.dueDates = dueDates;
            this.clock = clock;
        }

        @Override
        public void notify(DelegateTask task) {
            PatrolCaseForms.HANDLE_CASE.checkVariables(task::getVariable);
            long id = caseId(task);
            PatrolCase c = cases.find(id).orElseThrow();
            Instant now = clock.instant();
            String outcome = (String) task.getVariable("handleOutcome");
            switch (outcome) {
                case "SEND_BACK" -> {
                    if (c.sentBack()) {
                        throw ApiException.conflict("already-sent-back", "handleOutcome", id);
                    }
                    String reason = ((String) task.getVariable("sendBackReason")).trim();
                    cases.set(id, "status = 'SENT_BACK', sent_back = true");
                    cases.event(id, "SENT_BACK", task.getAssignee(), reason, now);
                    task.getExecution().setVariable("dispatchDue", dueDates.addWorkingHours(now,
                            ((Number) task.getVariable("dispatchHours")).intValue()));
                }
                case "PENDING" -> {
                    LocalDate until = LocalDate.parse(((String) task.getVariable("pendingUntil")).trim());
                    if (!until.isAfter(dueDates.today())) {
                        throw ApiException.badRequest("pending-date-not-future", "pendingUntil", until);
                    }
                    String reason = ((String) task.getVariable("pendingReason")).trim();
                    cases.set(id, "pending_reason = :r", "r", reason);
                    cases.event(id, "PENDING_ASKED", task.getAssignee(), reason + "（至" + until + "）", now);
                    task.getExecution().setVariable("pendingDue", dueDates.dueOn(until));
                    task.getExecution().setVariable("approveDue", dueDates.addWorkingHours(now, 9));
                }
                default -> {
                    String result = ((String) task.getVariable("handleResult")).trim();
                    cases.set(id, "status = 'HANDLED', handled_at = :t, handle_result = :r", "t", now, "r", result);
                    cases.event(id, "HANDLED", task.getAssignee(), result, now);
                    task.getExecution().setVariable("checkDue", dueDates.addWorkingHours(now,
                            ((Number) task.getVariable("checkHours")).intValue()));
                    task.getExecution().setVariable("checker", checker(c));
                }
            }
            task.getExecution().setVariable("handleResultOutcome", outcome);
        }

        /** The inspector who reported the case checks it on site; a complaint is checked by a supervisor. */
        private String checker(PatrolCase c) {
            if ("PATROL".equals(c.source())) {
                return c.reportedBy();
            }
            return campaigns.members(c.campaignId()).stream().filter(m -> m.role() == MemberRole.SUPERVISOR)
                    .map(CampaignMember::userId).sorted().findFirst().orElse(c.reportedBy());
        }
    }

    /** 挂账: the office approves the new target date (the handling deadline moves) or refuses it. */
    @Component("pendingDecided")
    static class Pending implements TaskListener {

        private final CaseRepository cases;
        private final DueDates dueDates;
        private final Clock clock;

        Pending(CaseRepository cases, DueDates dueDates, Clock clock) {
            this.cases = cases;
            this.dueDates = dueDates;
            this.clock = clock;
        }

        @Override
        public void notify(DelegateTask task) {
            PatrolCaseForms.APPROVE_PENDING.checkVariables(task::getVariable);
            long id = caseId(task);
            if ("YES".equals(task.getVariable("pendingApproved"))) {
                Date due = (Date) task.getVariable("pendingDue");
                cases.set(id, "status = 'PENDING', handle_due = :d", "d", due);
                cases.event(id, "PENDING_APPROVED", task.getAssignee(), null, clock.instant());
                task.getExecution().setVariable("handleDue", due);
                task.getExecution().setVariable("handleCheckCycle", dueDates.dailyFrom(due));
            } else {
                cases.event(id, "PENDING_REFUSED", task.getAssignee(), null, clock.instant());
            }
        }
    }

    /** 核查: on site, pass (the case closes) or fail (back to the same unit, counted as rework). */
    @Component("caseChecked")
    static class Checked implements TaskListener {

        private final CaseRepository cases;
        private final Clock clock;

        Checked(CaseRepository cases, Clock clock) {
            this.cases = cases;
            this.clock = clock;
        }

        @Override
        public void notify(DelegateTask task) {
            PatrolCaseForms.CHECK.checkVariables(task::getVariable);
            long id = caseId(task);
            Instant now = clock.instant();
            String outcome = (String) task.getVariable("checkOutcome");
            if ("FAIL".equals(outcome)) {
                String reason = ((String) task.getVariable("failReason")).trim();
                cases.set(id, "status = 'REWORK', rework_count = rework_count + 1");
                cases.event(id, "CHECK_FAILED", task.getAssignee(), reason, now);
            } else {
                PatrolCase c = cases.find(id).orElseThrow();
                boolean onTime = c.handledAt() != null && c.handleDue() != null && !c.handledAt().isAfter(c.handleDue());
                cases.set(id, "status = 'CLOSED', closed_at = :t, closed_on_time = :o", "t", now, "o", onTime);
                cases.event(id, "CLOSED", task.getAssignee(), null, now);
            }
            task.getExecution().setVariable("checkResult", outcome);
            task.getExecution().setVariable("complaint", "HOTLINE".equals(cases.find(id).orElseThrow().source()));
        }
    }

    /** A complaint's caller hears the result by mail when they left an address; the reply is awaited for a while. */
    @Component("callerNotifier")
    static class CallerNotifier implements JavaDelegate {

        private final CaseRepository cases;
        private final CampaignRepository campaigns;
        private final MailOutbox outbox;
        private final DueDates dueDates;

        CallerNotifier(CaseRepository cases, CampaignRepository campaigns, MailOutbox outbox, DueDates dueDates) {
            this.cases = cases;
            this.campaigns = campaigns;
            this.outbox = outbox;
            this.dueDates = dueDates;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PatrolCase c = cases.find(caseId(execution)).orElseThrow();
            execution.setVariable("replyDue", dueDates.dueInWorkingDays(5));
            if (c.callerEmail() == null) {
                return;
            }
            Map<String, String> v = new HashMap<>();
            v.put("caseNumber", "案卷" + c.id());
            v.put("result", c.handleResult() == null ? "" : c.handleResult());
            v.put("reportedOn", c.reportedAt().atZone(dueDates.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE));
            v.put("description", c.description());
            v.put("address", c.address());
            v.put("unitName", campaigns.unit(c.campaignId(), c.unitCode()).map(CampaignUnit::name).orElse(""));
            outbox.enqueueToAddress("case-result:" + c.id() + ":" + (c.reopened() ? 2 : 1), c.callerEmail(), c.callerName(),
                    "CASE_RESULT", v);
        }
    }

    /** An unsatisfied caller reopens the case once: back to the same unit. */
    @Component("caseReopener")
    static class Reopener implements JavaDelegate {

        private final CaseRepository cases;
        private final DueDates dueDates;
        private final Clock clock;

        Reopener(CaseRepository cases, DueDates dueDates, Clock clock) {
            this.cases = cases;
            this.dueDates = dueDates;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long id = caseId(execution);
            Instant now = clock.instant();
            Date due = dueDates.addWorkingHours(now, ((Number) execution.getVariable("handleHours")).intValue());
            cases.set(id, "status = 'REOPENED', reopened = true, closed_at = null, closed_on_time = null, handle_due = :d",
                    "d", due);
            cases.event(id, "REOPENED", null, "群众不满意，重新办理", now);
            execution.setVariable("handleDue", due);
            execution.setVariable("handleCheckCycle", dueDates.dailyFrom(due));
            execution.setVariable("reopenedBefore", true);
        }
    }

    /**
     * A handling deadline passed: {@code dmn/escalation-ladder.dmn} decides the step from working days overdue and
     * whether the case is urgent; each level is recorded once per case.
     */
    @Component("caseOverdue")
    static class Overdue implements JavaDelegate {

        private final CaseRepository cases;
        private final DecisionService decisions;
        private final TimeLimits timeLimits;
        private final DueDates dueDates;
        private final JdbcClient jdbc;
        private final Clock clock;

        Overdue(CaseRepository cases, DecisionService decisions, TimeLimits timeLimits, DueDates dueDates, JdbcClient jdbc,
                Clock clock) {
            this.cases = cases;
            this.decisions = decisions;
            this.timeLimits = timeLimits;
            this.dueDates = dueDates;
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            PatrolCase c = cases.find(caseId(execution)).orElseThrow();
            if (c.handleDue() == null || "CLOSED".equals(c.status())) {
                return;
            }
            LocalDate due = c.handleDue().atZone(dueDates.zone()).toLocalDate();
            LocalDate dispatched = c.dispatchedAt().atZone(dueDates.zone()).toLocalDate();
            TimeLimits.Measure m = timeLimits.measure(dispatched, due);
            int unitReds = jdbc.sql("""
                    select count(distinct e.case_id) from case_escalation e join patrol_case p on p.id = e.case_id
                    where p.unit_code = :u and p.id <> :c and e.level_rank >= :red""")
                    .param("u", c.unitCode()).param("c", c.id()).param("red", LadderLevel.RED.rank())
                    .query(Integer.class).single();
            boolean overdue = !clock.instant().isBefore(c.handleDue());
            String level = decisions.evaluateDecisionTableByKey("escalation-ladder")
                    .variables(Variables.createVariables().putValue("overdue", overdue)
                            .putValue("workingDaysOverdue", m.workingDaysOverdue()).putValue("critical", "URGENT".equals(c.urgency()))
                            .putValue("unitEscalations", unitReds).putValue("timeUsedShare", Math.max(m.timeUsedShare(), overdue ? 1.0 : 0)))
                    .evaluate().getSingleResult().getEntry("level");
            LadderLevel l = LadderLevel.valueOf(level);
            if (l == LadderLevel.NONE) {
                return;
            }
            int inserted = jdbc.sql("""
                    insert into case_escalation (case_id, level, level_rank, working_days_overdue, reached_at)
                    select :c, :l, :r, :d, :t from (values (1)) as one(x)
                    where not exists (select 1 from case_escalation where case_id = :c and level = :l)""")
                    .param("c", c.id()).param("l", l.name()).param("r", l.rank()).param("d", m.workingDaysOverdue())
                    .param("t", Timestamp.from(clock.instant())).update();
            if (inserted > 0) {
                cases.event(c.id(), "ESCALATION", null, l.name(), clock.instant());
            }
        }
    }

    /** A voided case ends here. */
    @Component("caseVoided")
    static class Voided implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("caseOutcome", "VOID");
        }
    }
}
