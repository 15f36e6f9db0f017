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
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SelfInspectionDriver;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
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
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every acceptance path as the rules run it, per level: provincial (county 初审, the province's 资料审核, 暗访, 技术评估,
 * 公示, 命名) with the county's and the province's offices doing their steps; national (the submission window of the
 * three-year cycle, the province recommends, two weeks of 公示) with the town's office recording; failed then passed;
 * failed twice (the cycle ends); an objection upheld (not named) and rejected (named); then the 复审 by the higher
 * authority every three years: passed, failed once (通报批评, deadline, review again) then passed, failed twice (撤销).
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
    AcceptanceSteps steps;
    @Autowired
    ReReviews reReviews;
    @Autowired
    Regions regions;
    @Autowired
    TaskRowRepository rows;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    Fixture f;
    CampaignDriver driver;
    long id;
    ProcessInstance pi;
    /** Whether a step is claimed before it is completed (by its first candidate, else the town's office). */
    boolean claiming;

    /** The campaign up to the leading group's approval of the application (the acceptance phase's gate). */
    @BeforeEach
    void toTheApplication() {
        BpmnAwareTests.init(engine);
        clock.set(LocalDateTime.of(2027, 9, 1, 9, 0));
        f = new Fixture(identity);
        driver = CampaignDriver.started(setup, runtime, tasks, management, f, LocalDate.of(2027, 9, 1));
        id = driver.campaignId;
        pi = driver.campaignProcess();
        for (int phase = 0; phase < 4; phase++) {
            driver.approveGate();
        }
        SelfInspectionDriver inspect = new SelfInspectionDriver(runtime, tasks, inspection, id);
        inspect.score(Map.of());
        inspect.read(Map.of());
        assertThat(pi).isWaitingAt("PhaseAcceptance");
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        clock.reset();
    }

    /** The leading group approves the application of a campaign of this level: the acceptance starts. */
    ProcessInstance apply(String level) {
        jdbc.sql("update campaign set level = :l where id = :c").param("l", level).param("c", id).update();
        driver.approveGate();
        assertThat(pi).isWaitingAt("ExternalAcceptance");
        return driver.sub("acceptance");
    }

    Task task(String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + id).taskDefinitionKey(key).singleResult();
    }

    void complete(String key, Map<String, Object> answers) {
        Task t = task(key);
        assertThat(t).as(key).isNotNull();
        if (claiming) {
            tasks.claim(t.getId(), candidates(t, true).stream().findFirst().orElse(f.office));
        }
        tasks.complete(t.getId(), answers);
    }

    static Map<String, Object> decided(String field, String value, String documentNo, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of(field, value, "documentNo", documentNo, "decidedOn", "2027-09-10"));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    void submit() {
        complete("submitApplication", Map.of("reference", "青创卫〔2027〕5号"));
    }

    void onSite(String visit, String assessment, Object... more) {
        complete("unannouncedVisit", "PASS".equals(visit) ? decided("visitOutcome", "PASS", "苏爱卫暗〔2027〕1号")
                : decided("visitOutcome", "FAIL", "苏爱卫暗〔2027〕1号", "problems", "VC-01,病媒生物密度超标"));
        complete("technicalAssessment", "PASS".equals(assessment)
                ? decided("assessmentOutcome", "PASS", "苏爱卫评〔2027〕2号")
                : decided("assessmentOutcome", "FAIL", "苏爱卫评〔2027〕2号", more));
    }

    /** The notice begins; two weeks later its timer fires and the objections are recorded. */
    void notice(LocalDate start, String objections) {
        complete("publicNotice", Map.of("noticeStartsOn", start.toString(), "noticeDocument", "苏爱卫公〔2027〕3号"));
        ProcessInstance acc = driver.sub("acceptance");
        assertThat(acc).isWaitingAt("NoticePeriodEnds");
        Job ends = management.createJobQuery().processInstanceId(acc.getId()).activityId("NoticePeriodEnds").singleResult();
        assertThat(ends.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalDateTime())
                .isEqualTo(start.plusDays(14).atTime(9, 0));
        clock.set(start.plusDays(14).atTime(9, 0, 1));
        management.executeJob(ends.getId());
        complete("recordObjections", "NONE".equals(objections) ? Map.of("objections", "NONE")
                : Map.of("objections", "RECEIVED", "objectionSummary", objections));
    }

    void name(String on) {
        complete("recordNaming", Map.of("namingDate", on, "namingDocument", "苏爱卫〔2027〕12号"));
    }

    /** The units complete their rectification tasks, the office accepts them, the leading group signs. */
    void rectify() {
        ProcessInstance phase = driver.sub("campaign-phase");
        assertThat(phase).isWaitingAt("unitTask");
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("unitTask").list()) {
            tasks.complete(t.getId(), Map.of("resultSummary", "已按问题清单整改"));
        }
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("reviewTask").list()) {
            tasks.complete(t.getId(), Map.of("reviewDecision", "ACCEPT"));
        }
        driver.approveGate();
    }

    List<String> candidates(Task t, boolean users) {
        return tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(users ? IdentityLink::getUserId : IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }

    String person(String userId) {
        return person(userId, userId, "爱卫办");
    }

    String person(String userId, String firstName, String lastName) {
        User u = identity.newUser(userId);
        u.setFirstName(firstName);
        u.setLastName(lastName);
        u.setEmail(userId + "@test.example");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        return userId;
    }

    /** A county of the province, set above the campaign's town. */
    Region countyAbove(Region province, String name) {
        Region county = regions.ensure(name + f.p, Region.Level.COUNTY, province.id());
        jdbc.sql("update region set parent_id = :p where id = :t").param("p", county.id())
                .param("t", campaigns.find(id).orElseThrow().townId()).update();
        return county;
    }

    List<String> stepsTaken() {
        return steps.of(id).stream().map(s -> s.step() + ":" + s.authority() + ":" + s.outcome()).toList();
    }

    @Test
    void provincialPassedWithTheCountyAndTheProvinceDoingTheirSteps() {
        Region province = regions.ensure("测试省" + f.p, Region.Level.PROVINCE, null);
        Region county = countyAbove(province, "测试县");
        regions.addOverseer(county, person("xian" + f.p));
        regions.addOverseer(province, person("sheng" + f.p));
        ProcessInstance acc = apply("PROVINCIAL");
        assertThat(acc).isWaitingAt("submitApplication");
        assertThat(candidates(task("submitApplication"), false)).containsExactly(Groups.OFFICE);
        submit();
        // 初审 by the county's office, the rest by the province's: their own people, not the town's office
        Task preliminary = task("countyPreliminaryReview");
        assertThat(candidates(preliminary, true)).containsExactly("xian" + f.p);
        assertThat(candidates(preliminary, false)).isEmpty();
        assertThat((String) tasks.getVariable(preliminary.getId(), "preliminaryAuthority")).contains("测试县" + f.p)
                .contains("本系统办理");
        // 20 working days (step-days), the Mid-Autumn Festival (2027-09-15) not counted
        assertThat(preliminary.getDueDate()).isEqualTo(java.util.Date.from(
                LocalDate.of(2027, 9, 30).atTime(18, 0).atZone(TestClock.ZONE).toInstant()));
        complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
        assertThat(candidates(task("documentReview"), true)).containsExactly("sheng" + f.p);
        complete("documentReview", decided("documentDecision", "PASS", "苏爱卫审〔2027〕4号"));
        assertThat(task("provinceRecommendation")).isNull();
        onSite("PASS", "PASS");
        assertThat(candidates(task("publicNotice"), true)).containsExactly("sheng" + f.p);
        notice(LocalDate.of(2027, 10, 8), "NONE");
        name("2027-12-20");
        assertThat(acc).hasPassed("TownNamed").isEnded();
        assertThat(pi).hasPassed("CompleteCampaign").isWaitingAt("Maintenance");
        assertThat(campaigns.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(stepsTaken()).containsExactly("PRELIMINARY_REVIEW:COUNTY:PASS", "DOCUMENT_REVIEW:PROVINCE:PASS",
                "UNANNOUNCED_VISIT:PROVINCE:PASS", "TECHNICAL_ASSESSMENT:PROVINCE:PASS", "PUBLIC_NOTICE:PROVINCE:PUBLISHED",
                "OBJECTIONS:PROVINCE:NONE", "NAMING:PROVINCE:NAMED");
        assertThat(steps.of(id).get(0).documentNo()).isEqualTo("青爱卫〔2027〕9号");
        assertThat(acceptance.attempts(id)).extracting(AcceptanceService.Attempt::outcome).containsExactly("PASS");
    }

    @Test
    void nationalWaitsForTheWindowIsRecommendedByTheProvinceAndRecordedByTheTown() {
        ProcessInstance acc = apply("NATIONAL");
        // September 2027: the 2027–2029 cycle's window closed in April; the next opens with 2030's first working day
        assertThat(acc).isWaitingAt("SubmissionWindowOpens");
        Job window = management.createJobQuery().processInstanceId(acc.getId()).activityId("SubmissionWindowOpens")
                .singleResult();
        LocalDateTime opens = window.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalDateTime();
        assertThat(opens.toLocalDate()).isBetween(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 3));
        clock.set(opens.plusSeconds(1));
        management.executeJob(window.getId());
        submit();
        Task recommendation = task("provinceRecommendation");
        assertThat(task("countyPreliminaryReview")).isNull();
        // nobody of the province or the nation works here: the town's office records their results
        assertThat(candidates(recommendation, false)).containsExactly(Groups.OFFICE);
        assertThat(candidates(recommendation, true)).isEmpty();
        assertThat((String) tasks.getVariable(recommendation.getId(), "preliminaryAuthority")).contains("省爱卫会")
                .contains("由本镇创卫办");
        complete("provinceRecommendation", decided("preliminaryDecision", "PASS", "苏爱卫推〔2030〕1号"));
        assertThat((String) tasks.getVariable(task("documentReview").getId(), "reviewAuthority")).contains("全国爱卫会");
        // the national review returns the application for more material: the office sends it again
        complete("documentReview", decided("documentDecision", "RETURN", "全爱卫办〔2030〕2号", "remarks", "缺少规划图"));
        assertThat(acc).isWaitingAt("submitApplication");
        submit();
        complete("provinceRecommendation", decided("preliminaryDecision", "PASS", "苏爱卫推〔2030〕3号"));
        complete("documentReview", decided("documentDecision", "PASS", "全爱卫办〔2030〕4号"));
        onSite("PASS", "PASS");
        notice(LocalDate.of(2030, 9, 1), "NONE");
        name("2030-12-20");
        assertThat(acc).hasPassed("TownNamed").isEnded();
        assertThat(pi).isWaitingAt("Maintenance");
        assertThat(stepsTaken()).startsWith("RECOMMENDATION:PROVINCE:PASS", "DOCUMENT_REVIEW:NATION:RETURN",
                "RECOMMENDATION:PROVINCE:PASS", "DOCUMENT_REVIEW:NATION:PASS").contains("NAMING:NATION:NAMED");
    }

    @Test
    void failedOnceRectifiedByTheAuthoritysDeadlineThenPassed() {
        ProcessInstance acc = apply("PROVINCIAL");
        submit();
        complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
        complete("documentReview", decided("documentDecision", "PASS", "苏爱卫审〔2027〕4号"));
        onSite("FAIL", "FAIL", "problems", "ORG-01,创建工作台账不全\nES-02，农贸市场周边垃圾未及时清运", "rectifyBy", "2027-11-30");
        assertThat(acc).isWaitingAt("RectifyProblems");
        List<TaskRow> problems = rows.ofCampaign(id, Phase.ACCEPTANCE, null, null);
        assertThat(problems).hasSize(3).allMatch(r -> r.title().startsWith("整改："))
                .allMatch(r -> r.deadline().equals(LocalDate.of(2027, 11, 30)));
        assertThat(acceptance.attempts(id).get(0).problems()).extracting(p -> p.get("step"))
                .containsExactly("UNANNOUNCED_VISIT", "TECHNICAL_ASSESSMENT", "TECHNICAL_ASSESSMENT");
        assertThat(acceptance.attempts(id)).extracting(AcceptanceService.Attempt::outcome).containsExactly("FAIL", null);
        rectify();
        // the re-inspection: on site again, empty forms
        assertThat(acc).isWaitingAt("unannouncedVisit");
        assertThat(tasks.getVariable(task("unannouncedVisit").getId(), "problems")).isNull();
        onSite("PASS", "PASS");
        notice(LocalDate.of(2028, 1, 10), "NONE");
        name("2028-03-01");
        assertThat(pi).isWaitingAt("Maintenance");
        assertThat(acceptance.attempts(id)).extracting(AcceptanceService.Attempt::outcome).containsExactly("FAIL", "PASS");
    }

    @Test
    void failedTwiceEndsTheCycleWithItsRecordKept() {
        apply("PROVINCIAL");
        submit();
        complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
        complete("documentReview", decided("documentDecision", "PASS", "苏爱卫审〔2027〕4号"));
        onSite("FAIL", "PASS");
        // no deadline from the authority: the configured working days (local practice)
        assertThat(rows.ofCampaign(id, Phase.ACCEPTANCE, null, null)).singleElement()
                .satisfies(r -> assertThat(r.deadline()).isAfter(LocalDate.of(2027, 10, 15)));
        rectify();
        onSite("FAIL", "PASS");
        assertThat(pi).hasPassed("CampaignNotPassed").isEnded();
        assertThat(campaigns.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(jdbc.sql("select closed_reason from campaign where id = :c").param("c", id).query(String.class).single())
                .isEqualTo("NOT_PASSED");
        assertThat(acceptance.attempts(id)).hasSize(2).allMatch(a -> a.problems().size() == 1)
                .allMatch(a -> "FAIL".equals(a.outcome()));
        assertThat(rows.ofCampaign(id, Phase.ACCEPTANCE, null, null)).hasSize(1);
    }

    @Test
    void anObjectionFoundTrueMeansNotNamed() {
        ProcessInstance acc = apply("PROVINCIAL");
        passToNotice();
        notice(LocalDate.of(2027, 10, 8), "群众反映镇区东侧河道有垃圾漂浮");
        Task investigation = task("investigateObjection");
        assertThat((String) tasks.getVariable(investigation.getId(), "objectionSummary")).contains("河道");
        complete("investigateObjection", decided("objectionFinding", "UPHELD", "苏爱卫核〔2027〕6号",
                "remarks", "经现场核实，异议属实"));
        assertThat(acc).hasPassed("NotNamed").isEnded();
        assertThat(pi).hasPassed("CampaignNotPassed").isEnded();
        assertThat(campaigns.find(id).orElseThrow().status()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(stepsTaken()).endsWith("OBJECTIONS:PROVINCE:RECEIVED", "OBJECTION_INVESTIGATION:PROVINCE:UPHELD");
        assertThat(jdbc.sql("select named_on from campaign where id = :c").param("c", id).query(java.sql.Date.class)
                .optional()).isEmpty();
    }

    @Test
    void anObjectionFoundUntrueIsFollowedByNaming() {
        apply("PROVINCIAL");
        passToNotice();
        notice(LocalDate.of(2027, 10, 8), "反映某餐馆无证经营");
        complete("investigateObjection", decided("objectionFinding", "REJECTED", "苏爱卫核〔2027〕6号",
                "remarks", "经核实，该餐馆已取得许可"));
        name("2027-12-20");
        assertThat(pi).isWaitingAt("Maintenance");
        assertThat(stepsTaken()).endsWith("OBJECTION_INVESTIGATION:PROVINCE:REJECTED", "NAMING:PROVINCE:NAMED");
    }

    void passToNotice() {
        submit();
        complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
        complete("documentReview", decided("documentDecision", "PASS", "苏爱卫审〔2027〕4号"));
        onSite("PASS", "PASS");
    }

    /** Named on 2027-12-20: the maintenance waits for the first 复审, three years on. */
    ProcessInstance named() {
        apply("PROVINCIAL");
        passToNotice();
        notice(LocalDate.of(2027, 10, 8), "NONE");
        name("2027-12-20");
        ProcessInstance maintenance = driver.sub("maintenance");
        assertThat(maintenance).isWaitingAt("ReReviewDue");
        return maintenance;
    }

    /** The 复审 falls due; the office applies; the authority reviews. */
    void reReview(ProcessInstance maintenance, LocalDate due, String method, String outcome) {
        Job job = management.createJobQuery().processInstanceId(maintenance.getId()).activityId("ReReviewDue").singleResult();
        assertThat(job.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalDate()).isEqualTo(due);
        clock.set(due.atTime(9, 0, 1));
        management.executeJob(job.getId());
        complete("submitReReview", Map.of("reference", "青创卫〔" + due.getYear() + "〕1号"));
        review(method, outcome);
    }

    void review(String method, String outcome) {
        Task t = task("reReview");
        assertThat(candidates(t, false)).containsExactly(Groups.OFFICE);
        tasks.complete(t.getId(), "PASS".equals(outcome)
                ? Map.of("reviewMethod", method, "reReviewOutcome", "PASS", "documentNo", "苏爱卫复〔2030〕1号",
                        "decidedOn", clock.instant().atZone(TestClock.ZONE).toLocalDate().toString())
                : Map.of("reviewMethod", method, "reReviewOutcome", "FAIL", "documentNo", "苏爱卫复〔2030〕1号",
                        "decidedOn", clock.instant().atZone(TestClock.ZONE).toLocalDate().toString(),
                        "problems", "ES-02,集贸市场周边有积存垃圾"));
    }

    /** 通报批评 with a deadline; the units rectify; the deadline passes and the authority reviews again. */
    void criticisedAndRectified(ProcessInstance maintenance, LocalDate rectifyBy) {
        assertThat(maintenance).isWaitingAt("recordCriticism");
        assertThat((String) tasks.getVariable(task("recordCriticism").getId(), "reReviewProblems")).contains("ES-02");
        complete("recordCriticism", Map.of("documentNo", "苏爱卫通〔2031〕2号", "decidedOn", "2031-01-10",
                "rectifyBy", rectifyBy.toString()));
        assertThat(rows.ofCampaign(id, Phase.ACCEPTANCE, null, null)).anyMatch(r -> r.deadline().equals(rectifyBy));
        rectify();
        assertThat(maintenance).isWaitingAt("RectifyDeadline");
        Job deadline = management.createJobQuery().processInstanceId(maintenance.getId()).activityId("RectifyDeadline")
                .singleResult();
        assertThat(deadline.getDuedate().toInstant().atZone(TestClock.ZONE).toLocalDate()).isEqualTo(rectifyBy.plusDays(1));
        clock.set(rectifyBy.plusDays(1).atTime(9, 0, 1));
        management.executeJob(deadline.getId());
        assertThat(maintenance).isWaitingAt("reReview");
    }

    @Test
    void reReviewPassedStartsTheNextCycle() {
        ProcessInstance maintenance = named();
        reReview(maintenance, LocalDate.of(2030, 12, 20), "OPEN", "PASS");
        assertThat(maintenance).isWaitingAt("ReReviewDue");
        assertThat(acceptance.nextReviewOn(id)).isEqualTo(LocalDate.of(2033, 12, 20));
        assertThat(reReviews.of(id)).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("OPEN");
            assertThat(r.consequence()).isEqualTo("PASSED");
        });
    }

    @Test
    void reReviewFailedOnceIsCriticisedThenPassesAfterRectification() {
        ProcessInstance maintenance = named();
        reReview(maintenance, LocalDate.of(2030, 12, 20), "UNANNOUNCED", "FAIL");
        criticisedAndRectified(maintenance, LocalDate.of(2031, 3, 31));
        review("UNANNOUNCED", "PASS");
        assertThat(maintenance).isWaitingAt("ReReviewDue");
        assertThat(acceptance.nextReviewOn(id)).isEqualTo(LocalDate.of(2033, 12, 20));
        assertThat(reReviews.of(id)).extracting(ReReviews.ReReview::consequence).containsExactly("CRITICISED", "PASSED");
        assertThat(reReviews.of(id).get(0).consequenceDocument()).isEqualTo("苏爱卫通〔2031〕2号");
        assertThat(reReviews.of(id).get(0).rectifyBy()).isEqualTo(LocalDate.of(2031, 3, 31));
        // the next cycle starts with no failure counted
        reReview(maintenance, LocalDate.of(2033, 12, 20), "UNANNOUNCED", "FAIL");
        assertThat(maintenance).isWaitingAt("recordCriticism");
    }

    @Test
    void reReviewFailedTwiceWithdrawsTheTitle() {
        ProcessInstance maintenance = named();
        reReview(maintenance, LocalDate.of(2030, 12, 20), "OPEN", "FAIL");
        criticisedAndRectified(maintenance, LocalDate.of(2031, 3, 31));
        review("UNANNOUNCED", "FAIL");
        assertThat(maintenance).isWaitingAt("recordWithdrawal");
        complete("recordWithdrawal", Map.of("documentNo", "苏爱卫撤〔2031〕5号", "decidedOn", "2031-05-20"));
        assertThat(maintenance).hasPassed("TitleWithdrawn").isEnded();
        assertThat(pi).isEnded();
        Map<String, Object> c = jdbc.sql("select title_withdrawn_on, title_withdrawal_document, next_review_on from campaign where id = :c")
                .param("c", id).query().singleRow();
        assertThat(c.values()).containsExactly(java.sql.Date.valueOf("2031-05-20"), "苏爱卫撤〔2031〕5号", null);
        assertThat(reReviews.of(id)).extracting(ReReviews.ReReview::consequence).containsExactly("CRITICISED", "WITHDRAWN");
    }

    @Test
    void monthlySpotChecksGoOnAfterNaming() {
        ProcessInstance maintenance = named();
        clock.set(LocalDateTime.of(2028, 1, 1, 9, 0, 1));
        Job spot = management.createJobQuery().processInstanceId(maintenance.getId()).activityId("SpotCheckDue").singleResult();
        management.executeJob(spot.getId());
        Task check = task("spotCheck");
        assertThat((String) tasks.getVariable(check.getId(), "sampleItems")).isNotBlank();
        tasks.claim(check.getId(), f.supervisors.get(0));
        tasks.complete(check.getId(), Map.of("findings", "ORG-01,合格\nES-02,不合格,集贸市场周边有积存垃圾"));
        assertThat(jdbc.sql("select failed from spot_check where campaign_id = :c").param("c", id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aProblemListNamingAnUnknownItemIsRefusedAndNothingIsWritten() {
        apply("PROVINCIAL");
        submit();
        complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
        complete("documentReview", decided("documentDecision", "PASS", "苏爱卫审〔2027〕4号"));
        int before = steps.of(id).size();
        assertThatThrownBy(() -> complete("unannouncedVisit", decided("visitOutcome", "FAIL", "苏爱卫暗〔2027〕1号",
                "problems", "ORG-01,台账不全\nXX-99,不存在的条目")))
                .hasRootCauseInstanceOf(ApiException.class)
                .rootCause().satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("unknown-problem-item"));
        assertThat(task("unannouncedVisit")).isNotNull();
        assertThat(steps.of(id)).hasSize(before);
        assertThat(acceptance.attempts(id).get(0).problems()).isEmpty();
    }

    @Test
    void theApplicationIsRefusedWhileAVetoItemFails() {
        apply("PROVINCIAL");
        jdbc.sql("update inspection_round set veto_failed = 1 where campaign_id = :c").param("c", id).update();
        assertThatThrownBy(this::submit).hasRootCauseInstanceOf(ApiException.class)
                .rootCause().satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("veto-item-fails"));
        assertThat(task("submitApplication")).isNotNull();
        assertThat(acceptance.attempts(id)).isEmpty();
    }

    /** The mails put in the outbox for an overdue step: recipient and subject. */
    List<String> overdueMails(Task t) {
        return jdbc.sql("select recipient_user, subject from mail_outbox where idempotency_key like :k order by recipient_user")
                .param("k", "step-overdue:" + t.getId() + ":%")
                .query((rs, n) -> rs.getString("recipient_user") + " " + rs.getString("subject")).list();
    }

    Job overdueTimer(ProcessInstance process, String step) {
        return management.createJobQuery().processInstanceId(process.getId()).activityId(step + "Overdue").singleResult();
    }

    @Test
    void anAuthoritysStepStillOpenAtItsDueDateRemindsItsPeopleAndStaysOpen() {
        Region province = regions.ensure("测试省" + f.p, Region.Level.PROVINCE, null);
        Region county = countyAbove(province, "测试县");
        regions.addOverseer(county, person("xian" + f.p));
        ProcessInstance acc = apply("PROVINCIAL");
        // the office submits in time: its step's timer goes with it, nobody is reminded
        Task submitted = task("submitApplication");
        assertThat(overdueTimer(acc, "submitApplication").getDuedate()).isEqualTo(submitted.getDueDate());
        submit();
        assertThat(overdueTimer(acc, "submitApplication")).isNull();
        assertThat(overdueMails(submitted)).isEmpty();
        // the county's 初审 is not done by its due date (2027-09-30, 18:00)
        Task preliminary = task("countyPreliminaryReview");
        Job timer = overdueTimer(acc, "countyPreliminaryReview");
        assertThat(timer.getDuedate()).isEqualTo(preliminary.getDueDate());
        clock.set(LocalDateTime.of(2027, 9, 30, 18, 0, 1));
        management.executeJob(timer.getId());
        assertThat(overdueMails(preliminary)).containsExactly("xian" + f.p + " 【超期提醒】县（市）初审（2027-09-30到期）");
        assertThat(jdbc.sql("select body from mail_outbox where idempotency_key = :k")
                .param("k", "step-overdue:" + preliminary.getId() + ":xian" + f.p).query(String.class).single())
                .contains(campaigns.find(id).orElseThrow().name()).contains("/work/tasks/" + preliminary.getId());
        assertThat(acc).isWaitingAt("countyPreliminaryReview");
        assertThat(task("countyPreliminaryReview").getId()).isEqualTo(preliminary.getId());
        assertThat(overdueTimer(acc, "countyPreliminaryReview")).isNull();
        // done late, the process goes on and the next step has its own timer
        complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
        assertThat(overdueTimer(acc, "documentReview").getDuedate()).isEqualTo(task("documentReview").getDueDate());
    }

    @Test
    void aReReviewStillOpenAtItsDueDateRemindsTheTownsOfficeInEachOnesLanguage() {
        ProcessInstance maintenance = named();
        Job due = management.createJobQuery().processInstanceId(maintenance.getId()).activityId("ReReviewDue").singleResult();
        clock.set(LocalDate.of(2030, 12, 20).atTime(9, 0, 1));
        management.executeJob(due.getId());
        complete("submitReReview", Map.of("reference", "青创卫〔2030〕1号"));
        Task review = task("reReview");
        identity.setUserInfo(f.office, "locale", "en");
        Job timer = overdueTimer(maintenance, "reReview");
        assertThat(timer.getDuedate()).isEqualTo(review.getDueDate());
        clock.set(review.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDateTime().plusSeconds(1));
        management.executeJob(timer.getId());
        String deadline = review.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDate().toString();
        // the office group holds every town's office: only this town's are reminded
        List<String> office = identity.createUserQuery().memberOfGroup(Groups.OFFICE)
                .memberOfTenant(review.getTenantId()).list().stream().map(User::getId).sorted().toList();
        Fixture elsewhere = new Fixture(identity);
        assertThat(identity.createUserQuery().userId(elsewhere.office).memberOfGroup(Groups.OFFICE).count()).isEqualTo(1);
        assertThat(office).contains(f.office).doesNotContain(elsewhere.office);
        assertThat(review.getTenantId()).isNotNull();
        assertThat(overdueMails(review)).hasSize(office.size())
                .contains(f.office + " [Overdue] Re-review was due on " + deadline)
                .noneMatch(m -> m.startsWith(elsewhere.office + " "));
        assertThat(maintenance).isWaitingAt("reReview");
        // claimed, the next step reminds only the person who took it
        review("OPEN", "FAIL");
        Task criticism = task("recordCriticism");
        tasks.claim(criticism.getId(), f.office);
        clock.set(criticism.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDateTime().plusSeconds(1));
        management.executeJob(overdueTimer(maintenance, "recordCriticism").getId());
        assertThat(overdueMails(criticism)).containsExactly(f.office + " [Overdue] Public criticism was due on "
                + criticism.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDate());
        assertThat(maintenance).isWaitingAt("recordCriticism");
    }


    /**
     * The board's 申报验收 page, as the town's office reads it on a phone and a supervisor on a laptop: a provincial
     * campaign whose county office does its 初审 (overdue first, red), failed once then passed, an objection found untrue,
     * named; then a 复审 failed (通报批评), rectified, failed again (撤销). Every step in words, in Chinese and English.
     */
    @Nested
    class ThePage {

        static final List<String> CODES = List.of("PASS", "FAIL", "RETURN", "PRELIMINARY_REVIEW", "DOCUMENT_REVIEW",
                "UNANNOUNCED", "TECHNICAL_ASSESSMENT", "PUBLIC_NOTICE", "OBJECTION", "NAMING", "COUNTY", "PROVINCE",
                "PROVINCIAL", "CRITICISED", "WITHDRAWN", "ORG-01", "ES-02", "VC-01", "null");

        void noRawCodes(Browser b) {
            String text = b.text("main");
            for (String code : CODES) {
                assertThat(text).as("page shows the code %s", code).doesNotContain(code);
            }
            // people by name, not by their user ids (the town's and the campaign's names carry the fixture's prefix)
            assertThat(text).doesNotContain("xian" + f.p).doesNotContain(f.office).doesNotContain(f.supervisors.get(0));
            assertThat(((Number) b.driver().executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .as("horizontal scrolling").isLessThanOrEqualTo(0);
        }

        @Test
        void showsEachStepWhoDidItItsResultDocumentAndDateAndThe复审History() {
            Region county = countyAbove(regions.ensure("测试省" + f.p, Region.Level.PROVINCE, null), "青山县");
            // the town's office and a supervisor work in the town (as the town's set-up makes them)
            Region town = regions.find(campaigns.find(id).orElseThrow().townId()).orElseThrow();
            regions.addMember(town, f.office);
            regions.addMember(town, f.supervisors.get(0));
            String xian = person("xian" + f.p, "王科长", "");
            regions.addOverseer(county, xian);
            claiming = true;
            apply("PROVINCIAL");
            submit();
            // the county's 初审 is overdue: red, with its owner by name
            clock.set(LocalDateTime.of(2027, 10, 8, 9, 0));
            try (Browser b = new Browser(port, 390, 844)) {
                b.login(f.office, Fixture.PASSWORD);
                b.open("/board/" + id + "/acceptance");
                assertThat(b.text("#open-steps")).contains("县（市）初审").contains("王科长").contains("2027-09-30")
                        .contains("已逾期");
                assertThat(b.find("#open-steps .open-step dd.tone-red").getText()).isEqualTo("2027-09-30");
                assertThat(b.text("#applications")).contains("青创卫〔2027〕5号");
                noRawCodes(b);
                b.screenshot("acceptance-open-phone");
            }
            complete("countyPreliminaryReview", decided("preliminaryDecision", "PASS", "青爱卫〔2027〕9号"));
            complete("documentReview", decided("documentDecision", "PASS", "苏爱卫审〔2027〕4号"));
            onSite("FAIL", "FAIL", "problems", "ORG-01,创建工作台账不全", "rectifyBy", "2027-11-30");
            rectify();
            onSite("PASS", "PASS");
            notice(LocalDate.of(2028, 1, 10), "群众反映镇区东侧河道有垃圾漂浮");
            complete("investigateObjection", decided("objectionFinding", "REJECTED", "苏爱卫核〔2028〕6号",
                    "remarks", "经核实，河道已清理"));
            name("2028-03-01");
            ProcessInstance maintenance = driver.sub("maintenance");
            reReview(maintenance, LocalDate.of(2031, 3, 1), "UNANNOUNCED", "FAIL");
            criticisedAndRectified(maintenance, LocalDate.of(2031, 6, 30));
            review("OPEN", "FAIL");
            complete("recordWithdrawal", Map.of("documentNo", "苏爱卫撤〔2031〕5号", "decidedOn", "2031-08-20"));

            try (Browser b = new Browser(port, 390, 844)) {
                b.login(f.office, Fixture.PASSWORD);
                b.open("/board/" + id + "/acceptance");
                assertThat(b.text("#acceptance-state")).isEqualTo("称号已撤销");
                assertThat(b.text("#withdrawn-on")).contains("2031-08-20").contains("苏爱卫撤〔2031〕5号");
                assertThat(b.text("#named-on")).contains("2028-03-01").contains("苏爱卫〔2027〕12号");
                List<String> steps = b.all("#steps .step .head strong").stream().map(e -> e.getText()).toList();
                assertThat(steps).containsExactly("县（市）初审", "资料审核", "暗访", "技术评估", "暗访", "技术评估", "社会公示",
                        "公示异议", "异议核查", "命名", "报送复审申报材料");
                String first = b.all("#steps .step").get(0).getText();
                assertThat(first).contains("青山县" + f.p + "爱卫会").contains("王科长").contains("通过")
                        .contains("青爱卫〔2027〕9号").contains("2027-09-10");
                assertThat(b.all("#steps .step").get(6).getText()).contains("2028-01-10 – 2028-01-24")
                        .contains("苏爱卫公〔2027〕3号");
                assertThat(b.all("#steps .step").get(7).getText()).contains("收到异议").contains("河道有垃圾漂浮");
                assertThat(b.all("#steps .step").get(8).getText()).contains("异议不属实").contains("苏爱卫核〔2028〕6号");
                assertThat(b.text("#problems")).contains("病媒生物密度超标").contains("创建工作台账不全")
                        .contains("已验收").contains("2027-11-30").contains("第1次 暗访");
                List<String> reviews = b.all("#re-reviews .review").stream().map(e -> e.getText()).toList();
                assertThat(reviews).hasSize(2);
                assertThat(reviews.get(0)).contains("第1轮复审第1次（暗访）").contains("未通过").contains("通报批评")
                        .contains("苏爱卫通〔2031〕2号").contains("2031-06-30");
                assertThat(reviews.get(1)).contains("（明查）").contains("撤销称号").contains("苏爱卫撤〔2031〕5号");
                assertThat(b.all("#open-steps")).isEmpty();
                noRawCodes(b);
                b.screenshot("acceptance-office-phone");
                b.open("/board/" + id + "/acceptance?lang=en");
                assertThat(b.text("#acceptance-state")).isEqualTo("Title withdrawn");
                assertThat(b.text("#steps")).contains("Preliminary review by the county (or city)")
                        .contains("objection rejected");
                noRawCodes(b);
                b.screenshot("acceptance-office-phone-en");
            }
            // a supervisor finds the page on the board, on a laptop
            try (Browser b = new Browser(port, 1366, 768)) {
                b.login(f.supervisors.get(0), Fixture.PASSWORD);
                b.open("/board/" + id);
                b.find("#to-acceptance").click();
                assertThat(b.path()).isEqualTo("/board/" + id + "/acceptance");
                assertThat(b.text("#re-reviews")).contains("撤销称号");
                noRawCodes(b);
                b.screenshot("acceptance-supervisor-laptop");
            }
            // someone outside the campaign is refused
            try (Browser b = new Browser(port, 390, 844)) {
                b.login(f.outsider, Fixture.PASSWORD);
                b.open("/board/" + id + "/acceptance");
                assertThat(b.text("body")).doesNotContain("苏爱卫撤〔2031〕5号");
            }
        }
    }

}
