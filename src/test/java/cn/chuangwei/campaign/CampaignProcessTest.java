package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SelfInspectionDriver;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path through {@code campaign.bpmn}: started by the API, started from the Tasklist start form, refused. */
@H2Test
class CampaignProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    cn.chuangwei.inspection.InspectionService inspection;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    Fixture f;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clock.set(LocalDateTime.of(2027, 6, 1, 9, 0));
        f = new Fixture(identity);
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        clock.reset();
    }

    @Test
    void startedByTheApiRunsTheFivePhasesInOrderAndTheTownIsNamed() {
        long id = setup.create(f.small(LocalDate.of(2027, 6, 1), List.of(), false), f.office);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id)
                .processDefinitionKey("campaign").singleResult();
        assertThat(pi).hasPassed("RegisterCampaign").isWaitingAt("SyncGroups");
        assertThat(campaigns.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.ACTIVE);
        execute(job("SyncGroups", pi));
        assertThat(identity.createUserQuery().memberOfGroup("unit-" + f.unit("wsy")).singleResult().getId())
                .isEqualTo(f.head("wsy"));
        assertThat(identity.createUserQuery().memberOfGroup("leading-group").userId(f.leader).count()).isEqualTo(1);
        for (String activity : List.of("PhaseMobilization", "PhaseImplementation", "PhaseConsolidation",
                "PhaseSelfInspection", "SelfInspectionScoring", "PhaseAcceptance", "ExternalAcceptance")) {
            assertThat(pi).isWaitingAt(activity);
            if (activity.equals("ExternalAcceptance")) {
                acceptedAndNamed((key, answers) -> completeOnly(id, key, answers), () -> {
                    ProcessInstance acc = runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id)
                            .processDefinitionKey("acceptance").singleResult();
                    org.camunda.bpm.engine.runtime.Job ends = management.createJobQuery().processInstanceId(acc.getId())
                            .activityId("NoticePeriodEnds").singleResult();
                    clock.set(ends.getDuedate().toInstant().plusSeconds(1));
                    management.executeJob(ends.getId());
                });
                continue;
            }
            if (activity.equals("SelfInspectionScoring")) {
                SelfInspectionDriver inspection = new SelfInspectionDriver(runtime, tasks, this.inspection, id);
                inspection.score(Map.of());
                inspection.read(Map.of());
                continue;
            }
            ProcessInstance phase = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
            assertThat(phase).isWaitingAt("signGate");
            for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).list()) {
                tasks.complete(t.getId(), Map.of("signDecision", "APPROVE"));
            }
        }
        assertThat(pi).hasPassed("CompleteCampaign").isWaitingAt("Maintenance");
        assertThat(campaigns.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
    }

    /**
     * The acceptance of a provincial campaign as the town's office records it (no county or province office in the
     * system): application, 初审, 资料审核, 暗访, 技术评估, two weeks of 公示 ({@code noticeEnds} lets its timer fire), no
     * objection, naming.
     */
    static void acceptedAndNamed(java.util.function.BiConsumer<String, Map<String, Object>> complete, Runnable noticeEnds) {
        complete.accept("submitApplication", Map.of("reference", "青创卫〔2027〕1号"));
        complete.accept("countyPreliminaryReview", Map.of("preliminaryDecision", "PASS", "documentNo", "青爱卫〔2027〕3号",
                "decidedOn", "2027-11-01"));
        complete.accept("documentReview", Map.of("documentDecision", "PASS", "documentNo", "苏爱卫〔2027〕4号",
                "decidedOn", "2027-11-10"));
        complete.accept("unannouncedVisit", Map.of("visitOutcome", "PASS", "documentNo", "苏爱卫〔2027〕5号",
                "decidedOn", "2027-11-20"));
        complete.accept("technicalAssessment", Map.of("assessmentOutcome", "PASS", "documentNo", "苏爱卫〔2027〕6号",
                "decidedOn", "2027-11-25"));
        complete.accept("publicNotice", Map.of("noticeStartsOn", "2027-12-01", "noticeDocument", "苏爱卫公〔2027〕7号"));
        noticeEnds.run();
        complete.accept("recordObjections", Map.of("objections", "NONE"));
        complete.accept("recordNaming", Map.of("namingDate", "2027-12-30", "namingDocument", "省爱卫会〔2027〕8号"));
    }

    /** Completes the one open task of this kind in the campaign's processes. */
    void completeOnly(long campaignId, String key, Map<String, Object> answers) {
        Task t = tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + campaignId).taskDefinitionKey(key)
                .singleResult();
        tasks.complete(t.getId(), answers);
    }

    @Test
    void startedFromTheTasklistStartFormTakesOverTheTownsUnitsAndTheTemplate() {
        // an earlier campaign of the town (a municipal one) provides its units and people
        var earlier = f.small(LocalDate.of(2027, 6, 1), List.of(), true);
        long first = setup.register(new CampaignRequest(earlier.name(), earlier.town(), "SANITARY_TOWN", "MUNICIPAL",
                null, "provincial-jiangsu", null, earlier.phases(), earlier.leadingGroup(), earlier.office(),
                earlier.supervisors(), earlier.units(), List.of(), true), f.office);
        ProcessInstance pi = runtime.startProcessInstanceByKey("campaign", Map.of("campaignName", f.town + "创建省级卫生乡镇",
                "town", f.town, "template", "sanitary-town-provincial", "startDate", "2027-07-01", "initiator", f.office));
        assertThat(pi).isWaitingAt("SyncGroups");
        long id = ((Number) runtime.getVariable(pi.getId(), "campaignId")).longValue();
        assertThat(id).isNotEqualTo(first);
        Campaign c = campaigns.find(id).orElseThrow();
        assertThat(c.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(c.level()).isEqualTo(CampaignLevel.PROVINCIAL);
        assertThat(c.processInstanceId()).isEqualTo(pi.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo("campaign-" + id);
        assertThat(campaigns.units(id)).hasSize(f.units.size());
        assertThat(jdbc.sql("select count(*) from task_row where campaign_id = :c").param("c", id).query(Integer.class)
                .single()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aStartFormForATownWithoutUnitsIsRefusedAndWritesNothing() {
        int before = jdbc.sql("select count(*) from campaign").query(Integer.class).single();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("campaign", Map.of("campaignName", "无名镇创卫",
                "town", "无名镇" + f.p, "template", "sanitary-town-provincial", "startDate", "2027-07-01")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("town-has-no-units"));
        assertThat(jdbc.sql("select count(*) from campaign").query(Integer.class).single()).isEqualTo(before);
    }
}
