package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Every path of {@code patrol-case.bpmn}: void, redirect, send-back (once), 处置 then 处理反馈 (refused without an
 * after-photo) then pass, fail and rework twice (处置 and 处理反馈 again, with new photos), 挂账, overdue escalation of
 * handling and of feedback, a citizen who reopens the case, a reply that never comes. Time under the test's control.
 */
@H2Test
class PatrolCaseProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.FormService forms;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    CaseRepository cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    long campaignId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clock.set(LocalDateTime.of(2027, 4, 6, 10, 0));  // a Tuesday
        f = new Fixture(identity);
        campaignId = setup.create(f.small(LocalDate.of(2027, 4, 1), List.of(), false), f.office);
        jdbc.sql("insert into patrol_grid (campaign_id, code, name, inspector) values (:c, 'G1', '第一网格', :i)")
                .param("c", campaignId).param("i", f.supervisors.get(0)).update();
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        clock.reset();
    }

    ProcessInstance report(String category, String urgency, boolean complaint) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into patrol_case (campaign_id, grid_code, source, category, urgency, description, address, reported_by,
                                         caller_name, caller_phone, caller_email, status, reported_at)
                values (:c, 'G1', :s, :cat, :u, '路边堆放建筑垃圾', '青山路12号', :by, :cn, :cp, :ce, 'REPORTED', :t)""")
                .param("c", campaignId).param("s", complaint ? "HOTLINE" : "PATROL").param("cat", category).param("u", urgency)
                .param("by", f.supervisors.get(0)).param("cn", complaint ? "王先生" : null)
                .param("cp", complaint ? "13800000000" : null).param("ce", complaint ? "citizen@test.example" : null)
                .param("t", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        ProcessInstance pi = runtime.startProcessInstanceByKey("patrol-case", "case-" + id,
                Map.of("caseId", id, "campaignId", campaignId));
        cases.attachProcess(id, pi.getId());
        caseIds.put(pi.getId(), id);
        return pi;
    }

    final Map<String, Long> caseIds = new HashMap<>();

    long caseId(ProcessInstance pi) {
        return caseIds.get(pi.getId());
    }

    PatrolCase state(ProcessInstance pi) {
        return cases.find(caseId(pi)).orElseThrow();
    }

    Task task(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    void complete(ProcessInstance pi, String key, Object... kv) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            v.put((String) kv[i], kv[i + 1]);
        }
        tasks.complete(task(pi, key).getId(), v);
    }

    /** The unit's after-photo, as the case panel's upload stores it. */
    void afterPhoto(ProcessInstance pi) {
        cases.photo(caseId(pi), "HANDLE", "处置后.png", "image/png", new byte[] {1}, f.head("cgzx"), clock.instant());
    }

    /** 处理反馈 with a new after-photo. */
    void feedBack(ProcessInstance pi, String result) {
        afterPhoto(pi);
        complete(pi, "feedbackCase", "feedbackResult", result);
    }

    void registerAndDispatch(ProcessInstance pi, String unit) {
        complete(pi, "registerCase", "registerDecision", "REGISTER");
        assertThat(pi).isWaitingAt("dispatchCase");
        complete(pi, "dispatchCase", "unitCode", unit);
    }

    @Test
    void aDuplicateIsVoided() {
        ProcessInstance pi = report("CLUTTER", "NORMAL", false);
        assertThat(pi).isWaitingAt("registerCase");
        // the office reads the category by its name in the task's name, not its code
        assertThat(task(pi, "registerCase").getName()).isEqualTo("立案：乱堆乱放：青山路12号");
        complete(pi, "registerCase", "registerDecision", "VOID", "voidReason", "与案卷重复");
        assertThat(pi).hasPassed("VoidCase").isEnded();
        assertThat(state(pi).status()).isEqualTo("VOID");
    }

    @Test
    void theDispatcherRedirectsAndTheCaseClosesOnTime() {
        ProcessInstance pi = report("CLUTTER", "NORMAL", false);
        // before dispatch no task names a unit (the workbench's heading reads "unitCode"): only a proposal is kept
        assertThat(tasks.getVariable(task(pi, "registerCase").getId(), "unitCode")).isNull();
        complete(pi, "registerCase", "registerDecision", "REGISTER");
        assertThat(runtime.getVariable(pi.getId(), "proposedUnit")).isEqualTo(f.unit("cgzx"));
        // the dispatch form: the campaign's units by name in a drop-down ("code=name;…" split by its FEEL), the proposed one chosen
        Task dispatch = task(pi, "dispatchCase");
        org.camunda.bpm.engine.variable.VariableMap form = forms.getTaskFormVariables(dispatch.getId(),
                List.of("unitCode", "unitChoices", "proposedUnitName"), false);
        assertThat(form.get("unitCode")).isEqualTo(f.unit("cgzx"));
        assertThat(form.get("proposedUnitName")).isEqualTo("城管环卫中心");
        Map<String, String> byCode = new HashMap<>();
        for (String choice : ((String) form.get("unitChoices")).split(";")) {
            byCode.put(choice.substring(0, choice.indexOf('=')), choice.substring(choice.indexOf('=') + 1));
        }
        assertThat(byCode).hasSize(12).containsEntry(f.unit("cgzx"), "城管环卫中心")
                .containsEntry(f.unit("jsb"), "规划建设办").containsEntry(f.unit("c1"), "东村");
        assertThat(runtime.getVariable(pi.getId(), "unitCode")).isNull();
        // a unit that is not the campaign's is refused naming the field, and the case stays at dispatch
        assertThatThrownBy(() -> complete(pi, "dispatchCase", "unitCode", "nowhere"))
                .hasRootCauseInstanceOf(ApiException.class)
                .rootCause().satisfies(e -> assertThat(((ApiException) e).field()).isEqualTo("unitCode"));
        assertThat(pi).isWaitingAt("dispatchCase");
        complete(pi, "dispatchCase", "unitCode", f.unit("jsb"));
        // dispatched: the case's unit, as the handling task's page shows it
        assertThat(tasks.getVariable(task(pi, "handleCase").getId(), "unitCode")).isEqualTo(f.unit("jsb"));
        Task handle = task(pi, "handleCase");
        assertThat(tasks.getIdentityLinksForTask(handle.getId())).anyMatch(l -> ("unit-" + f.unit("jsb")).equals(l.getGroupId()));
        complete(pi, "handleCase", "handleOutcome", "HANDLED", "handleResult", "已清理");
        // 处理反馈: the same unit's group, due 4 working hours after handling (case-routing.dmn), the status in between
        Task feedback = task(pi, "feedbackCase");
        assertThat(feedback.getName()).isEqualTo("处理反馈：乱堆乱放：青山路12号");
        assertThat(tasks.getIdentityLinksForTask(feedback.getId())).anyMatch(l -> ("unit-" + f.unit("jsb")).equals(l.getGroupId()));
        assertThat(feedback.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 4, 6, 14, 0));
        assertThat(state(pi).status()).isEqualTo("HANDLED");
        assertThat(state(pi).feedbackDue()).isEqualTo(feedback.getDueDate().toInstant());
        // no after-photo yet: refused naming the photo, and the case stays at 处理反馈
        assertThatThrownBy(() -> complete(pi, "feedbackCase", "feedbackResult", "已清理，恢复整洁"))
                .hasRootCauseInstanceOf(ApiException.class)
                .rootCause().satisfies(e -> assertThat(((ApiException) e).field()).isEqualTo("photo"));
        assertThat(pi).isWaitingAt("feedbackCase");
        // nor without its text
        afterPhoto(pi);
        assertThatThrownBy(() -> complete(pi, "feedbackCase", "feedbackResult", " ")).hasRootCauseInstanceOf(ApiException.class);
        complete(pi, "feedbackCase", "feedbackResult", "已清理，恢复整洁");
        assertThat(state(pi).status()).isEqualTo("FED_BACK");
        assertThat(state(pi).feedbackResult()).isEqualTo("已清理，恢复整洁");
        assertThat(state(pi).fedBackAt()).isEqualTo(clock.instant());
        assertThat(task(pi, "checkCase").getAssignee()).isEqualTo(f.supervisors.get(0));
        complete(pi, "checkCase", "checkOutcome", "PASS");
        assertThat(pi).hasPassed("CaseClosed").isEnded();
        PatrolCase c = state(pi);
        assertThat(c.status()).isEqualTo("CLOSED");
        assertThat(c.unitCode()).isEqualTo(f.unit("jsb"));
        assertThat(c.closedOnTime()).isTrue();
    }

    @Test
    void aMisroutedCaseIsSentBackOnceOnly() {
        ProcessInstance pi = report("GARBAGE", "NORMAL", false);
        registerAndDispatch(pi, f.unit("wsy"));
        complete(pi, "handleCase", "handleOutcome", "SEND_BACK", "sendBackReason", "不属于本单位职责");
        assertThat(pi).isWaitingAt("dispatchCase");
        complete(pi, "dispatchCase", "unitCode", f.unit("scjg"));
        assertThatThrownBy(() -> complete(pi, "handleCase", "handleOutcome", "SEND_BACK", "sendBackReason", "也不是我们的"))
                .hasRootCauseInstanceOf(ApiException.class);
        assertThat(pi).isWaitingAt("handleCase");
        assertThat(state(pi).sentBack()).isTrue();
    }

    @Test
    void aFailedCheckSendsItBackToTheSameUnitTwiceThenItPasses() {
        ProcessInstance pi = report("STREET_CLEANLINESS", "NORMAL", false);
        registerAndDispatch(pi, f.unit("cgzx"));
        for (int i = 0; i < 2; i++) {
            clock.set(LocalDateTime.of(2027, 4, 6, 11 + i, 0));
            complete(pi, "handleCase", "handleOutcome", "HANDLED", "handleResult", "已清扫");
            if (i == 1) {
                // after a failed check the photos before it do not count: the unit shows the rework
                assertThatThrownBy(() -> complete(pi, "feedbackCase", "feedbackResult", "已清扫"))
                        .hasRootCauseInstanceOf(ApiException.class);
            }
            feedBack(pi, "已清扫");
            clock.set(LocalDateTime.of(2027, 4, 6, 11 + i, 30));
            complete(pi, "checkCase", "checkOutcome", "FAIL", "failReason", "仍有垃圾");
            assertThat(pi).isWaitingAt("handleCase");
            assertThat(tasks.getIdentityLinksForTask(task(pi, "handleCase").getId()))
                    .anyMatch(l -> ("unit-" + f.unit("cgzx")).equals(l.getGroupId()));
        }
        complete(pi, "handleCase", "handleOutcome", "HANDLED", "handleResult", "已彻底清扫");
        feedBack(pi, "已彻底清扫，保洁员定时巡回");
        complete(pi, "checkCase", "checkOutcome", "PASS");
        assertThat(pi).isEnded();
        assertThat(state(pi).reworkCount()).isEqualTo(2);
        assertThat(state(pi).feedbackResult()).isEqualTo("已彻底清扫，保洁员定时巡回");
        // the history keeps each round's handling and feedback
        assertThat(jdbc.sql("select event from case_event where case_id = :c and event in ('HANDLED', 'FED_BACK', 'CHECK_FAILED') order by id")
                .param("c", caseId(pi)).query(String.class).list()).containsExactly("HANDLED", "FED_BACK", "CHECK_FAILED",
                "HANDLED", "FED_BACK", "CHECK_FAILED", "HANDLED", "FED_BACK");
    }

    @Test
    void aCaseThatCannotBeSolvedInTimeIsLoggedPendingWithANewDate() {
        ProcessInstance pi = report("ILLEGAL_BUILDING", "NORMAL", false);
        registerAndDispatch(pi, f.unit("jsb"));
        complete(pi, "handleCase", "handleOutcome", "PENDING", "pendingReason", "需走拆除法定程序", "pendingUntil", "2027-05-20");
        assertThat(pi).isWaitingAt("approvePending");
        complete(pi, "approvePending", "pendingApproved", "YES");
        assertThat(pi).isWaitingAt("handleCase");
        assertThat(task(pi, "handleCase").getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 5, 20, 18, 0));
        assertThat(state(pi).status()).isEqualTo("PENDING");
        // handled by the new date, then fed back: on time
        clock.set(LocalDateTime.of(2027, 5, 19, 10, 0));
        complete(pi, "handleCase", "handleOutcome", "HANDLED");
        feedBack(pi, "已依法拆除");
        complete(pi, "checkCase", "checkOutcome", "PASS");
        assertThat(pi).isEnded();
        assertThat(state(pi).closedOnTime()).isTrue();
    }

    @Test
    void aCaseHandledInTimeButFedBackLateClosesLate() {
        ProcessInstance pi = report("GARBAGE", "URGENT", false);  // handle within 4, feed back within 1 working hour
        registerAndDispatch(pi, f.unit("cgzx"));
        clock.set(LocalDateTime.of(2027, 4, 6, 11, 0));
        complete(pi, "handleCase", "handleOutcome", "HANDLED");
        assertThat(task(pi, "feedbackCase").getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 4, 6, 12, 0));
        clock.set(LocalDateTime.of(2027, 4, 6, 12, 0, 1));
        // the feedback's overdue timer (its cycle from the same due time) takes the case up the ladder
        Job overdue = management.createJobQuery().processInstanceId(pi.getId()).activityId("FeedbackOverdue").singleResult();
        assertThat(overdue.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 4, 6, 12, 0));
        management.executeJob(overdue.getId());
        assertThat(jdbc.sql("select level from escalation_step where case_id = :c").param("c", caseId(pi))
                .query(String.class).list()).containsExactly("RED");
        assertThat(jdbc.sql("select count(*) from case_event where case_id = :c and event = 'ESCALATION'")
                .param("c", caseId(pi)).query(Integer.class).single()).isEqualTo(1);
        assertThat(pi).isWaitingAt("feedbackCase");
        feedBack(pi, "已清运");
        complete(pi, "checkCase", "checkOutcome", "PASS");
        assertThat(state(pi).handledAt()).isBefore(state(pi).handleDue());
        assertThat(state(pi).closedOnTime()).isFalse();
    }

    @Test
    void anOverdueCaseGoesUpTheLadder() {
        ProcessInstance pi = report("GARBAGE", "NORMAL", false);  // 8 working hours from Tuesday 10:00: due 18:00
        registerAndDispatch(pi, f.unit("cgzx"));
        assertThat(task(pi, "handleCase").getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 4, 6, 18, 0));
        clock.set(LocalDateTime.of(2027, 4, 6, 18, 0, 1));
        Job overdue = management.createJobQuery().processInstanceId(pi.getId()).activityId("HandleOverdue").singleResult();
        management.executeJob(overdue.getId());
        assertThat(jdbc.sql("select level from escalation_step where case_id = :c").param("c", caseId(pi))
                .query(String.class).list()).containsExactly("RED");
        // the ladder tells the people its table names for the level, once, as it does for a unit's task
        assertThat(jdbc.sql("select subject from mail_outbox where idempotency_key like :k")
                .param("k", "case-escalation:" + caseId(pi) + ":RED:%").query(String.class).list())
                .isNotEmpty().allMatch(subject -> subject.startsWith("【督查督办·"));
        clock.set(LocalDateTime.of(2027, 4, 9, 18, 0, 1));  // Friday: 3 working days later
        overdue = management.createJobQuery().processInstanceId(pi.getId()).activityId("HandleOverdue").singleResult();
        management.executeJob(overdue.getId());
        assertThat(jdbc.sql("select level from escalation_step where case_id = :c order by level_rank").param("c", caseId(pi))
                .query(String.class).list()).containsExactly("RED", "CIRCULAR");
        assertThat(pi).isWaitingAt("handleCase");
    }

    @Test
    void anUnsatisfiedCallerReopensTheCaseOnce() {
        ProcessInstance pi = report("TOILET", "URGENT", true);
        registerAndDispatch(pi, f.unit("cgzx"));
        complete(pi, "handleCase", "handleOutcome", "HANDLED", "handleResult", "已清洁公厕");
        feedBack(pi, "已清洁公厕");
        complete(pi, "checkCase", "checkOutcome", "PASS");
        assertThat(pi).hasPassed("NotifyCaller").isWaitingAt("AwaitReply");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient_address = 'citizen@test.example' "
                + "and idempotency_key like :k").param("k", "case-result:" + caseId(pi) + ":%").query(Integer.class)
                .single()).isEqualTo(1);
        runtime.createMessageCorrelation("CitizenFeedback").processInstanceId(pi.getId()).setVariable("satisfied", false)
                .correlate();
        assertThat(pi).hasPassed("ReopenCase").isWaitingAt("handleCase");
        assertThat(state(pi).reopened()).isTrue();
        complete(pi, "handleCase", "handleOutcome", "HANDLED", "handleResult", "已加派保洁员");
        feedBack(pi, "已加派保洁员，每日两次保洁");
        complete(pi, "checkCase", "checkOutcome", "PASS");
        runtime.createMessageCorrelation("CitizenFeedback").processInstanceId(pi.getId()).setVariable("satisfied", false)
                .correlate();
        assertThat(pi).hasPassed("ClosedAfterReply").isEnded();
        assertThat(state(pi).status()).isEqualTo("CLOSED");
    }

    @Test
    void aComplaintWithoutReplyClosesWhenTheReplyPeriodEnds() {
        ProcessInstance pi = report("MARKET", "NORMAL", true);
        registerAndDispatch(pi, f.unit("nmsc"));
        complete(pi, "handleCase", "handleOutcome", "HANDLED", "handleResult", "已整改");
        feedBack(pi, "已整改");
        complete(pi, "checkCase", "checkOutcome", "PASS");
        clock.set(LocalDateTime.of(2027, 4, 20, 18, 1));
        Job timeout = management.createJobQuery().processInstanceId(pi.getId()).activityId("ReplyTimeout").singleResult();
        management.executeJob(timeout.getId());
        assertThat(pi).hasPassed("ClosedNoReply").isEnded();
    }
}
