package cn.chuangwei.work;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A unit head's whole task in the browser, on a phone and on a desktop: signs in and lands on 我的待办, opens the task,
 * is told a required field in Chinese, attaches two photos (one from the camera input) and a PDF, removes a wrong file,
 * submits, and the task is under review: gone from the head's list, 已提交待审核 on the board, on the office's 我的待办.
 * No CSP violation or script error on the way. Screenshots in {@code target/screenshots/work-*}.
 */
@H2Test
class WorkbenchBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @ParameterizedTest
    @CsvSource({"390, 844, phone", "1366, 768, desktop"})
    void aUnitHeadCompletesATaskWithPhotosAndAPdf(int width, int height, String size) throws IOException {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        Fixture f = new Fixture(identity);
        ApiCampaign campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", "全镇干部参加", f.unit("dzb"), null, "2027-03-03", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null)),
                false));
        Path dir = Files.createTempDirectory("evidence");
        Path photo = Files.write(dir.resolve("会场照片.jpg"), Samples.photo("jpg", new Color(0x1565c0)));
        Path photo2 = Files.write(dir.resolve("签到表.png"), Samples.photo("png", new Color(0x2e7d32)));
        Path wrong = Files.write(dir.resolve("传错的照片.png"), Samples.photo("png", new Color(0x9e9e9e)));
        Path pdf = Files.write(dir.resolve("会议纪要.pdf"), Samples.pdf());

        try (Browser b = new Browser(port, width, height)) {
            b.open("/");
            b.login(f.head("dzb"), Fixture.PASSWORD);
            assertThat(b.path()).as("a unit head opens on 我的待办").isEqualTo("/work");
            assertThat(b.text(".nav")).contains("我的待办");
            assertThat(b.text("main")).contains("党政办：召开动员大会").contains(f.town + "创建活动")
                    .contains("完成时限：2027年3月3日").doesNotContain("清理主要街道").doesNotContain(f.unit("dzb"));
            assertThat(b.text("#group-week")).contains("召开动员大会");
            noHorizontalScroll(b);
            b.screenshot("work-list-" + size);

            b.find(".work-item a").click();
            assertThat(b.path()).startsWith("/work/tasks/");
            awaitForm(b);
            assertThat(b.text("#task-title")).isEqualTo("党政办：召开动员大会");
            assertThat(b.text("#evidence-limits")).contains("PDF").contains("Word").contains("Excel").contains("20 MB");
            assertThat(b.all("#return-reason")).isEmpty();

            // nothing filled in: the required field says so in Chinese
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !b.all(".fjs-form-field-error").isEmpty());
            assertThat(b.text(".fjs-form-field-error")).isEqualTo("必填");
            assertThat(b.text("#form-error")).contains("必填项");
            assertThat(b.find("body").getText()).doesNotContain("Field is required");

            // two photos (one from the camera), a PDF and a wrong photo, filed under an area; the wrong one removed
            new Select(b.find("#area")).selectByIndex(1);
            b.find("#camera").sendKeys(photo.toString());
            awaitFigures(b, 1);
            b.find("#files").sendKeys(photo2 + "\n" + pdf + "\n" + wrong);
            awaitFigures(b, 4);
            assertThat(b.text("#gallery")).contains("会场照片.jpg", "签到表.png", "会议纪要.pdf", "传错的照片.png");
            WebElement remove = b.driver().findElements(By.cssSelector("#gallery figure")).stream()
                    .filter(e -> e.getText().contains("传错的照片.png")).findFirst().orElseThrow()
                    .findElement(By.cssSelector("button.remove"));
            remove.click();
            awaitFigures(b, 3);
            assertThat(b.text("#gallery")).doesNotContain("传错的照片.png");
            // every thumbnail is a real picture (the PDF's first page drawn on the server)
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(b.driver().executeScript(
                    "return Array.from(document.querySelectorAll('#gallery img')).every(i => i.complete && i.naturalWidth > 0)")));

            WebElement result = b.driver().findElements(By.cssSelector("#form textarea")).stream()
                    .filter(t -> t.getDomAttribute("readonly") == null).findFirst().orElseThrow();
            result.sendKeys("已召开动员大会，签到表和会议纪要见附件。");
            noHorizontalScroll(b);
            b.screenshot("work-task-" + size);
            assertThat(b.consoleErrors()).as("no script error or CSP violation").isEmpty();

            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.text("#done")).contains("党政办：召开动员大会");
            assertThat(b.text("#no-work")).contains("没有需要您办理的任务");
            b.screenshot("work-done-" + size);

            // under review: the board's table, the row's files and history, the office's 我的待办
            b.open("/board/" + campaign.id() + "/tasks");
            assertThat(b.text("#list tbody")).contains("召开动员大会").contains("已提交待审核");
            long row = jdbc.sql("select id from task_row where campaign_id = :c and unit_code = :u")
                    .param("c", campaign.id()).param("u", f.unit("dzb")).query(Long.class).single();
            assertThat(jdbc.sql("select file_name from evidence where task_row_id = :r order by id").param("r", row)
                    .query(String.class).list()).containsExactly("会场照片.jpg", "签到表.png", "会议纪要.pdf");
            assertThat(jdbc.sql("select note from task_event where task_row_id = :r and event = 'EVIDENCE_REMOVED'")
                    .param("r", row).query(String.class).list()).containsExactly("传错的照片.png");
            assertThat(b.consoleErrors()).isEmpty();

            b.find(".nav form button").click();
            b.login(f.office, Fixture.PASSWORD);
            b.open("/work");
            assertThat(b.text("main")).contains("审核：党政办：召开动员大会");
            b.screenshot("work-office-" + size);
        }
        assertThat(new Api(port, f.office, Fixture.PASSWORD)
                .get("/api/tasks?campaignId=" + campaign.id() + "&taskDefinitionKey=reviewTask").json()).hasSize(1);
    }

    static void awaitForm(Browser b) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                .until(d -> b.find("#form").getDomAttribute("data-rendered") != null);
        assertThat(b.find("#form").getDomAttribute("data-rendered")).as(b.text("#form-panel")).isEqualTo("true");
    }

    private static void awaitFigures(Browser b, int n) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.all("#gallery figure").size() == n
                || !b.find("#evidence-error").getText().isEmpty());
        assertThat(b.find("#evidence-error").getText()).isEmpty();
        assertThat(b.all("#gallery figure")).hasSize(n);
    }

    static void noHorizontalScroll(Browser b) {
        Object wider = b.driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(wider).as("the page scrolls sideways").isEqualTo(false);
    }
}
