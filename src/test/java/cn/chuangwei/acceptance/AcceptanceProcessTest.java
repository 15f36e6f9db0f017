package cn.chuangwei.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.campaign.CampaignStatus;
import cn.chuangwei.inspection.InspectionService;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SelfInspectionDriver;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

/**
 * Every path of the application for acceptance and after: passed and named, then the re-review three years later;
 * failed once then passed; failed twice and closed; monthly spot checks; submission refused while a veto item fails.
 */
@H2Test
class AcceptanceProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    InspectionService inspection;
    @Autowired
    AcceptanceService acceptance;
    @Autowired
    TaskRowRepository rows;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    CampaignDriver driver;
    long id;
    ProcessInstance pi;

    @BeforeEach
    void toTheApplication() {
        BpmnAwareTests.init(engine);
        clock.set(LocalDateTime.of(2027, 9, 1, 9, 0));
        f = new Fixture(identity);
        driver = CampaignDriver.started(setup, runtime, tasks, management, f, LocalDate.of(2027, 9, 1));
        id = driver.campaignId;
        pi = driver.campaignProcess();
        for (int phase = 0; phase < 4; phase++) {
            approveGate();
        }
        SelfInspectionDriver driver = new SelfInspectionDriver(runtime, tasks, inspection, id);
        driver.score(Map.of());
        driver.read(Map.of());
        approveGate();
        assertThat(pi).isWaitingAt("ExternalAcceptance");
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        clock.reset();
    }

    ProcessInstance sub(String key) {
        return driver.sub(key);
    }

    void approveGate() {
        driver.approveGate();
    }

    Task task(String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + id).taskDefinitionKey(key).singleResult();
    }

    void submit() {
        tasks.complete(task("submitApplication").getId(), Map.of("reference", "青创卫〔2027〕5号"));
    }

    void result(String outcome, String problems) {
        tasks.complete(task("externalResults").getId(), problems == null ? Map.of("externalOutcome", outcome)
                : Map.of("externalOutcome", outcome, "problems", problems));
    }

    void rectify() {
        ProcessInstance phase = sub("campaign-phase");
        assertThat(phase).isWaitingAt("unitTask");
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("unitTask").list()) {
            tasks.complete(t.getId(), Map.of("resultSummary", "已按问题清单整改"));
        }
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("reviewTask").list()) {
            tasks.complete(t.getId(), Map.of("reviewDecision", "ACCEPT"));
        }
        approveGate();
    }

    @Test
    void passedNamedThenReReviewedThreeYearsLater() {
        submit();
        result("PASS", null);
        tasks.complete(task("publicNotice").getId(), Map.of("namingDate", "2027-12-20", "namingDocument", "苏爱卫〔2027〕12号"));
        assertThat(pi).hasPassed("CompleteCampaign").isWaitingAt("Maintenance");
        Campaign c = campaigns.find(id).orElseThrow();
        assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(jdbc.sql("select named_on from campaign where id = :c").param("c", id).query(java.sql.Date.class)
                .single().toLocalDate()).isEqualTo(LocalDate.of(2027, 12, 20));

        ProcessInstance maintenance = sub("maintenance");
        assertThat(maintenance).isWaitingAt("ReReviewDue");
        // a month later the supervisors spot-check a sample of items
        clock.set(LocalDateTime.of(2028, 1, 1, 9, 0, 1));
        Job spot = management.createJobQuery().processInstanceId(maintenance.getId()).activityId("SpotCheckDue").singleResult();
        management.executeJob(spot.getId());
        Task check = task("spotCheck");
        assertThat((String) tasks.getVariable(check.getId(), "sampleItems")).isNotBlank();
        tasks.claim(check.getId(), f.supervisors.get(0));
        tasks.complete(check.getId(), Map.of("findings", "ORG-01,合格\nES-02,不合格,集贸市场周边有积存垃圾"));
        assertThat(jdbc.sql("select failed from spot_check where campaign_id = :c").param("c", id).query(Integer.class)
                .single()).isEqualTo(1);

        // three years after naming the re-review opens a new self-inspection
        Job reReview = management.createJobQuery().processInstanceId(maintenance.getId()).activityId("ReReviewDue")
                .singleResult();
        assertThat(reReview.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalDate())
                .isEqualTo(LocalDate.of(2030, 12, 20));
        clock.set(LocalDateTime.of(2030, 12, 20, 9, 0, 1));
        management.executeJob(reReview.getId());
        assertThat(maintenance).isWaitingAt("ReReviewInspection");
        assertThat(inspection.rounds(id)).hasSize(2);
        SelfInspectionDriver driver = new SelfInspectionDriver(runtime, tasks, inspection, id);
        assertThat(driver.sheets()).hasSize(10);
        driver.score(Map.of());
        driver.read(Map.of());
        assertThat(maintenance).isWaitingAt("ReReviewDue");
        assertThat(acceptance.nextReviewOn(id)).isEqualTo(LocalDate.of(2033, 12, 20));
    }

    @Test
    void failedOnceRectifiedThenPassed() {
        submit();
        result("FAIL", "ORG-01,创建工作台账不全\nES-02，农贸市场周边垃圾未及时清运");
        ProcessInstance acc = sub("acceptance");
        assertThat(acc).isWaitingAt("RectifyProblems");
        List<TaskRow> problems = rows.ofCampaign(id, Phase.ACCEPTANCE, null, null);
        assertThat(problems).hasSize(2).allMatch(r -> r.title().startsWith("整改："));
        assertThat(acceptance.attempts(id)).extracting(AcceptanceService.Attempt::outcome).containsExactly("FAIL", null);
        rectify();
        assertThat(acc).isWaitingAt("externalResults");
        result("PASS", null);
        tasks.complete(task("publicNotice").getId(), Map.of("namingDate", "2028-03-01", "namingDocument", "苏爱卫〔2028〕3号"));
        assertThat(pi).isWaitingAt("Maintenance");
        assertThat(acceptance.attempts(id)).extracting(AcceptanceService.Attempt::outcome).containsExactly("FAIL", "PASS");
    }

    @Test
    void failedTwiceClosesTheCampaignWithItsRecordKept() {
        submit();
        result("FAIL", "VC-01,病媒生物密度超标");
        rectify();
        result("FAIL", "VC-01,复查时鼠密度仍超标");
        assertThat(pi).hasPassed("CampaignNotPassed").isEnded();
        Campaign c = campaigns.find(id).orElseThrow();
        assertThat(c.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(jdbc.sql("select closed_reason from campaign where id = :c").param("c", id).query(String.class).single())
                .isEqualTo("NOT_PASSED");
        assertThat(acceptance.attempts(id)).hasSize(2).allMatch(a -> a.problems().size() == 1);
    }

    @Test
    void aProblemListNamingAnUnknownItemIsRefusedAndNothingIsWritten() {
        submit();
        assertThatThrownBy(() -> result("FAIL", "ORG-01,台账不全\nXX-99,不存在的条目"))
                .hasRootCauseInstanceOf(ApiException.class)
                .rootCause().satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("unknown-problem-item"));
        assertThat(task("externalResults")).isNotNull();
        assertThat(rows.ofCampaign(id, Phase.ACCEPTANCE, null, null)).isEmpty();
        assertThat(acceptance.attempts(id).get(0).outcome()).isNull();
    }

    @Test
    void theApplicationIsRefusedWhileAVetoItemFails() {
        jdbc.sql("update inspection_round set veto_failed = 1 where campaign_id = :c").param("c", id).update();
        assertThatThrownBy(this::submit).hasRootCauseInstanceOf(ApiException.class)
                .rootCause().satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("veto-item-fails"));
        assertThat(task("submitApplication")).isNotNull();
        assertThat(acceptance.attempts(id)).isEmpty();
    }
}
