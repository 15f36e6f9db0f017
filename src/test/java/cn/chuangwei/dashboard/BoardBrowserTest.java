package cn.chuangwei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command board in Debian's Chromium: a supervisor sees the overdue unit red, follows the number to its list and
 * switches to English; a unit head sees only their unit; a grid inspector reports a case from the phone page and the
 * office finds it in its queue. Screenshots go to {@code target/screenshots/}.
 */
@H2Test
class BoardBrowserTest {

    /** A real 1×1 PNG, as a phone's camera would send a (much larger) JPEG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    TestClock clock;

    Fixture f;
    long id;

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    /** 党政办 accepted, 城管环卫中心 overdue since 4 March, 卫生院 due on 10 March; today is 8 March 2027. */
    @BeforeEach
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        ApiCampaign campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-03-03", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null),
                new TaskRequest("MOBILIZATION", "开展健康教育", null, f.unit("wsy"), null, "2027-03-10", false, null)),
                false));
        id = campaign.id();
        campaign.completeAndAccept("dzb", "已召开");
        clock.set(LocalDateTime.of(2027, 3, 8, 10, 0));
        // the phase's timers that fell due meanwhile: reminders, and the ladder for the overdue task
        for (var phase : runtime.createProcessInstanceQuery().superProcessInstanceId(campaign.processInstanceId()).list()) {
            for (Job j : management.createJobQuery().processInstanceId(phase.getId()).timers()
                    .duedateLowerThan(java.util.Date.from(clock.instant())).list()) {
                management.executeJob(j.getId());
            }
        }
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    String cell(String unit) {
        return "#heatmap tr[data-unit='" + f.unit(unit) + "'] td[data-phase='MOBILIZATION']";
    }

    @Test
    void aSupervisorSeesTheOverdueUnitRedFollowsTheNumberAndSwitchesToEnglish() {
        try (Browser b = new Browser(port, 1366, 900)) {
            b.open("/board/" + id);
            assertThat(b.path()).startsWith("/login");
            b.login(f.supervisors.get(0), Fixture.PASSWORD);
            assertThat(b.path()).isEqualTo("/board/" + id);
            b.awaitCharts();
            assertThat(b.find("body").getDomAttribute("data-charts")).isEqualTo("3");
            assertThat(b.all("#timeline svg")).isNotEmpty();
            assertThat(b.text("#campaign-name")).isEqualTo(f.town + "创建活动");
            assertThat(b.find(cell("cgzx")).getDomAttribute("class")).isEqualTo("red");
            assertThat(b.find(cell("dzb")).getDomAttribute("class")).isEqualTo("green");
            assertThat(b.find(cell("wsy")).getDomAttribute("class")).isEqualTo("yellow");
            assertThat(b.text(cell("cgzx") + " a.overdue")).isEqualTo("1");
            assertThat(b.text("#escalations tbody")).contains("清理主要街道").doesNotContain("开展健康教育");
            assertThat(b.text("#heatmap thead")).contains("宣传发动");
            b.screenshot("board-supervisor");

            b.find(cell("cgzx") + " a.overdue").click();
            assertThat(b.path()).startsWith("/board/" + id + "/tasks?");
            assertThat(b.text("#subtitle")).contains("城管环卫中心").contains("逾期");
            assertThat(b.text("#list tbody")).contains("清理主要街道").doesNotContain("召开动员大会")
                    .doesNotContain("开展健康教育");
            assertThat(b.all("#list tbody tr")).hasSize(1);
            b.screenshot("list-overdue");

            b.find("#lang-en").click();
            assertThat(b.text("h1")).endsWith(": tasks");
            assertThat(b.text("#subtitle")).contains("Overdue");
            assertThat(b.text("#list tbody")).contains("清理主要街道").contains("Open");
            b.find("#to-board").click();
            b.awaitCharts();
            assertThat(b.text("#heatmap thead")).contains("Mobilization");
            assertThat(b.find(cell("cgzx")).getDomAttribute("class")).isEqualTo("red");
            assertThat(b.text("#overdue-list")).isEqualTo("All overdue");
            b.screenshot("board-english");

            b.find("#overdue-list").click();
            assertThat(b.text("#list tbody")).contains("清理主要街道");
            assertThat(b.find("#export").getDomAttribute("href")).contains("/overdue/xlsx").contains("lang=en");
        }
    }

    @Test
    void aUnitHeadSeesOnlyTheirUnitAndIsRefusedAnother() {
        try (Browser b = new Browser(port, 1366, 900)) {
            b.open("/");
            b.login(f.head("cgzx"), Fixture.PASSWORD);
            // a unit head opens on 我的待办; the board of their one campaign is a link away
            assertThat(b.path()).isEqualTo("/work");
            assertThat(b.text("main")).contains("清理主要街道");
            b.open("/board/" + id);
            b.awaitCharts();
            assertThat(b.all("#heatmap tbody tr")).hasSize(1);
            assertThat(b.find(cell("cgzx")).getDomAttribute("class")).isEqualTo("red");
            assertThat(b.all(cell("dzb"))).isEmpty();
            assertThat(b.text("#my-tasks")).contains("清理主要街道").doesNotContain("开展健康教育");
            b.screenshot("board-unit-head");

            // the task links into the workbench at the task itself
            b.find("#my-tasks a").click();
            assertThat(b.path()).startsWith("/work/tasks/");
            assertThat(b.text("#task-title")).contains("清理主要街道");

            b.open("/board/" + id + "/tasks?unit=" + f.unit("dzb"));
            assertThat(b.text("h1")).contains("403");
            assertThat(b.text("#error-message")).contains("其他单位");
            assertThat(b.find("#back").getDomAttribute("href")).isNotNull();
            b.open("/board/" + id + "/overdue");
            assertThat(b.text("#list tbody")).contains("清理主要街道");
            assertThat(b.all("#list tbody tr")).hasSize(1);
        }
    }

    @Test
    void anInspectorReportsFromThePhoneAndTheOfficeFindsTheCase() throws IOException {
        String inspector = f.p + "-grid";
        User u = identity.newUser(inspector);
        u.setFirstName("网格员");
        u.setLastName("");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(inspector, "grid-inspectors");
        assertThat(as(f.office).put("/api/campaigns/" + id + "/grids",
                List.of(Map.of("code", "G1", "name", "东村网格", "inspector", inspector))).status()).isEqualTo(200);
        Path photo = Files.createTempFile("scene", ".png");
        Files.write(photo, PNG);
        Path notAPhoto = Files.createTempFile("notes", ".png");
        Files.writeString(notAPhoto, "not an image");
        int before = jdbc.sql("select count(*) from patrol_case where campaign_id = :c").param("c", id)
                .query(Integer.class).single();

        try (Browser b = new Browser(port, 390, 844)) {
            b.open("/m/report");
            b.login(inspector, Fixture.PASSWORD);
            assertThat(b.path()).startsWith("/m/report");
            fill(b, "东村路口垃圾堆放，无人清运", notAPhoto);
            assertThat(b.text("#report-error")).contains("notes");
            assertThat(b.find("#description").getDomProperty("value")).isEqualTo("东村路口垃圾堆放，无人清运");
            assertThat(jdbc.sql("select count(*) from patrol_case where campaign_id = :c").param("c", id)
                    .query(Integer.class).single()).isEqualTo(before);

            // a photo over the limit is stopped on the phone, before its upload
            Path huge = Files.createTempFile("huge", ".jpg");
            try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                file.setLength(21L * 1024 * 1024);
            }
            fill(b, "东村路口垃圾堆放，无人清运", huge);
            assertThat(b.text("#size-error")).contains("过大");
            assertThat(b.all("#reported")).isEmpty();

            b.open("/m/report");
            fill(b, "东村路口垃圾堆放，无人清运", photo);
            assertThat(b.text("#reported")).contains("已上报");
            b.screenshot("mobile-report");
        }
        long caseId = jdbc.sql("select id from patrol_case where campaign_id = :c and reported_by = :u")
                .param("c", id).param("u", inspector).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from case_photo where case_id = :c").param("c", caseId)
                .query(Integer.class).single()).isEqualTo(1);

        try (Browser b = new Browser(port, 1366, 900)) {
            b.open("/board/" + id);
            b.login(f.office, Fixture.PASSWORD);
            b.awaitCharts();
            b.find("#cases-reported").click();
            assertThat(b.text("#list tbody")).contains("东村路口垃圾堆放，无人清运").contains(String.valueOf(caseId));
            b.screenshot("office-case-queue");
            b.open("/board/" + id + "/cases?from=2027-03-08&to=2027-03-01");
            assertThat(b.text("#error-message")).contains("日期范围颠倒");
        }
    }

    private static void fill(Browser b, String description, Path file) {
        new Select(b.find("#category")).selectByValue("GARBAGE");
        b.find("#description").clear();
        b.find("#description").sendKeys(description);
        b.find("#address").clear();
        b.find("#address").sendKeys("东村村委会东侧路口");
        b.find("#latitude").clear();
        b.find("#latitude").sendKeys("31.2304");
        b.find("#longitude").clear();
        b.find("#longitude").sendKeys("121.4737");
        b.driver().findElement(By.id("photos")).sendKeys(file.toAbsolutePath().toString());
        b.find("#submit").click();
    }
}
