package cn.chuangwei.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SelfInspectionDriver;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign on the 2021 national standard through self-inspection: rural toilets against the province's average
 * (no reference entered: no verdict, a rectification task to enter it; then equal to it: met), the myopia trend (a rise
 * in the last year fails; flat then falling passes); and the round's report, the board's readiness panel, the dossier's
 * index and its work report name the verdicts that rest on unverified thresholds.
 */
@H2Test
class NewIndicatorKindsTest {

    @LocalServerPort
    int port;
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
    InspectionService inspection;
    @Autowired
    TaskRowRepository rows;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        clock.reset();
    }

    @Test
    void referenceAndTrendJudgedAndTheUnverifiedThresholdsNamed() throws IOException {
        BpmnAwareTests.init(engine);
        clock.set(LocalDateTime.of(2027, 6, 1, 9, 0));
        Fixture f = new Fixture(identity);
        CampaignDriver driver = CampaignDriver.started(setup, runtime, tasks, management, f,
                StandardsTest.national(f.small(LocalDate.of(2027, 6, 1), List.of(), false)));
        long id = driver.campaignId;
        ProcessInstance pi = driver.campaignProcess();
        for (int phase = 0; phase < 4; phase++) {
            driver.approveGate();
        }
        assertThat(pi).isWaitingAt("SelfInspectionScoring");
        SelfInspectionDriver round = new SelfInspectionDriver(runtime, tasks, inspection, id);

        // a trend that is not three values is refused, naming the row
        Task readings = tasks.createTaskQuery().processInstanceBusinessKey("campaign-" + id)
                .taskDefinitionKey("indicatorReadings").singleResult();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(readings.getId(),
                        Map.of("readings", "SATISFACTION,95\nSTUDENT_MYOPIA_TREND,52.1;51.0")))
                .rootCause().isInstanceOfSatisfying(cn.chuangwei.kernel.ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-trend");
                    assertThat(e.row()).isEqualTo(2);
                });

        round.score(Map.of());
        round.read(Map.of("STUDENT_MYOPIA_TREND", "52.0;52.0;52.1", "STUDENT_OBESITY_TREND", "20.5；20.5，19.8"));
        assertThat(pi).isWaitingAt("SelfInspectionRectification");

        Api office = new Api(port, f.office, Fixture.PASSWORD);
        JsonNode first = office.get("/api/campaigns/" + id + "/inspections").json().get(0);
        assertThat(first.get("round").get("outcome").asText()).isEqualTo("RECTIFY");
        Map<String, JsonNode> read = new HashMap<>();
        first.get("readings").forEach(r -> read.put(r.get("indicatorCode").asText(), r));
        assertThat(read.get("RURAL_SANITARY_TOILETS").get("result").asText()).isEqualTo("NO_REFERENCE");
        assertThat(read.get("STUDENT_MYOPIA_TREND").get("result").asText()).isEqualTo("FAILED");
        assertThat(read.get("STUDENT_MYOPIA_TREND").get("readingFirst").asDouble()).isEqualTo(52.0);
        assertThat(read.get("STUDENT_MYOPIA_TREND").get("reading").asDouble()).isEqualTo(52.1);
        assertThat(read.get("STUDENT_OBESITY_TREND").get("result").asText()).isEqualTo("COMPLIANT");
        assertThat(read.get("SATISFACTION").get("result").asText()).isEqualTo("COMPLIANT");
        List<TaskRow> rectification = rows.ofCampaign(id, Phase.SELF_INSPECTION, null, null);
        assertThat(rectification).extracting(TaskRow::title)
                .containsExactlyInAnyOrder("录入参照值：农村卫生厕所普及率", "整改：中小学生近视率（近三年）未达标");

        // the round's report: the standard's points and pass score, and every indicator of national-2021 (none of
        // whose thresholds is the published text's) named with its verdict and source
        JsonNode unverified = first.get("unverified");
        assertThat(unverified.get("standardUnverified").asBoolean()).isTrue();
        assertThat(unverified.get("indicators")).hasSize(30);
        JsonNode satisfaction = StandardsTest.byCode(unverified.get("indicators"), "SATISFACTION");
        assertThat(satisfaction.get("nameZh").asText()).isEqualTo("群众对卫生状况满意率");
        assertThat(satisfaction.get("result").asText()).isEqualTo("COMPLIANT");
        assertThat(satisfaction.get("source").get("status").asText()).isEqualTo("INDICATOR_ONLY");
        assertThat(satisfaction.get("source").get("document").asText()).isEqualTo("全爱卫发〔2010〕6号");

        // the readiness panel on the board, in Chinese and in English, by name
        WebSession s = new WebSession(port);
        s.login(f.office, Fixture.PASSWORD);
        String zh = s.get("/board/" + id).body();
        assertThat(zh).contains("30 项判定依据未经核实的阈值", "本标准各条目的分值、及格线和一票否决的表述未经核实",
                "群众对卫生状况满意率：达标；阈值出处：全爱卫发〔2010〕6号（指标已发布、阈值无出处）",
                "农村卫生厕所普及率：无法判定：未录入参照值", "中小学生近视率（近三年）：未达标")
                .doesNotContain("RURAL_SANITARY_TOILETS", "INDICATOR_ONLY", "NO_REFERENCE");
        String en = s.get("/board/" + id + "?lang=en").body();
        assertThat(en).contains("30 verdicts are based on unverified thresholds",
                "Public satisfaction with sanitation: met; threshold from 全爱卫发〔2010〕6号 (indicator published, its threshold not)",
                "Rural sanitary toilet coverage: no verdict: no reference value entered");

        // the dossier: its index lists them, its work report says how many
        Map<String, byte[]> zip = unzip(office.bytes("/api/campaigns/" + id + "/dossier"));
        String index = pdfText(zip.get(DossierDocuments.INDEX));
        assertThat(index).contains("判定依据未经核实的阈值", "群众对卫生状况满意率：达标；阈值出处：全爱卫发〔2010〕6号",
                "农村卫生厕所普及率：无法判定：未录入参照值", "本标准各条目的分值、及格线和一票否决的表述未经核实");
        assertThat(pdfText(zip.get(DossierDocuments.REPORT))).contains("有30项所依据的阈值尚未与发布的标准文本核实");

        // the office enters the province's average with its source; rectification, then the second round asks again
        // only for the two: the toilets exactly at the reference meet it, the trend flat then falling passes
        Reply set = office.put("/api/campaigns/" + id + "/thresholds/RURAL_SANITARY_TOILETS",
                Map.of("threshold", 71.2, "source", "全省平均水平：省卫生健康委2026年统计公报"));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        ProcessInstance phase = driver.sub("campaign-phase");
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("unitTask").list()) {
            tasks.complete(t.getId(), Map.of("resultSummary", "已整改"));
        }
        for (Task t : tasks.createTaskQuery().processInstanceId(phase.getId()).taskDefinitionKey("reviewTask").list()) {
            tasks.complete(t.getId(), Map.of("reviewDecision", "ACCEPT"));
        }
        driver.approveGate();
        assertThat(pi).isWaitingAt("SelfInspectionScoring");
        assertThat(inspection.indicatorsToRead(id)).extracting(cn.chuangwei.standard.Standards.Indicator::code)
                .containsExactlyInAnyOrder("RURAL_SANITARY_TOILETS", "STUDENT_MYOPIA_TREND");
        assertThat(inspection.indicatorsText(id)).contains("不低于参照值 71.2%", "近三年逐年不上升");
        round.score(Map.of());
        round.read(Map.of("RURAL_SANITARY_TOILETS", "71.2", "STUDENT_MYOPIA_TREND", "52.1 52.1 51.9"));
        assertThat(pi).isWaitingAt("PhaseAcceptance");
        assertThat(inspection.rounds(id)).extracting(InspectionService.Round::outcome).containsExactly("RECTIFY", "READY");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
