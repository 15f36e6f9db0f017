package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in Debian's Chromium on the board's sign-in, on a phone and on a desktop: a signed-out visit lands on
 * {@code /login} and comes back to Tasklist signed in (no second login form), without the Camunda 8 banner, 新建任务 or
 * a bare priority; a required field of the Camunda Form says so in Chinese; a supervisor's claim of a unit's task is
 * refused in Chinese; signing out of Tasklist lands on {@code /login} and the board is signed out too.
 */
@H2Test
class TasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TestClock clock;

    Fixture f;
    ApiCampaign campaign;
    String task;

    @BeforeEach
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null)),
                false));
        task = new Api(port, f.head("cgzx"), Fixture.PASSWORD).get("/api/tasks?campaignId=" + campaign.id()).json()
                .get(0).get("id").asText();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private static void await(Browser b, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
        try {
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(until);
        } catch (org.openqa.selenium.TimeoutException e) {
            b.screenshot("tasklist-failed");
            throw e;
        }
    }

    private static boolean shown(Browser b, String css) {
        return b.all(css).stream().anyMatch(WebElement::isDisplayed);
    }

    private static void click(Browser b, String css) {
        await(b, d -> shown(b, css));
        WebElement element = b.all(css).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
        // above Tasklist's fixed footer
        b.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"390, 844", "1366, 768"})
    void aUnitHeadWorksInTasklistOnTheBoardsSignIn(int width, int height) {
        String size = width + "x" + height;
        try (Browser b = new Browser(port, width, height)) {
            b.open("/camunda/app/tasklist/default/");
            assertThat(b.path()).startsWith("/login");
            b.login(f.head("cgzx"), Fixture.PASSWORD);
            assertThat(b.path()).startsWith("/camunda/app/tasklist/default/");

            // signed in as them, on their unit's filter, with no login form of Tasklist's own
            await(b, d -> !b.all(".tasks-list li.task").isEmpty());
            assertThat(b.text(".tasks-list")).contains("清理主要街道");
            assertThat(b.all("input[type=password]")).isEmpty();
            assertThat(b.find("[cam-widget-header]").getDomAttribute("class")).isNotNull();
            assertThat(shown(b, ".ce-eol-banner")).as("no Camunda 8 banner").isFalse();
            assertThat(b.all(".ce-eol-banner")).as("the banner is there, hidden by our styles").isNotEmpty();
            assertThat(shown(b, ".create-task-action")).as("no 新建任务").isFalse();
            assertThat(shown(b, ".tasks-list .priority")).as("no bare priority").isFalse();
            assertThat(b.find("body").getText()).doesNotContain("Camunda 8").doesNotContain("新建任务")
                    .as("Tasklist in Chinese").contains("创建时间");
            b.screenshot("tasklist-unit-head-" + size);

            // their task: claimed, then completed with its required fields empty: the form says so in Chinese
            b.open("/camunda/app/tasklist/default/#/?task=" + task);
            click(b, "button.claim");
            await(b, d -> tasks.createTaskQuery().taskId(task).taskAssignee(f.head("cgzx")).count() == 1);
            click(b, ".form-actions button.btn-primary");
            await(b, d -> shown(b, ".fjs-form-field-error"));
            await(b, d -> b.text(".fjs-form").contains("此项为必填项。"));
            assertThat(b.text(".fjs-form")).doesNotContain("Field is required");
            b.screenshot("tasklist-required-" + size);

            // signing out of Tasklist lands on the board's sign-in, and the board is signed out too
            if (!shown(b, "li.account > a")) {
                click(b, ".navbar-toggle");
            }
            click(b, "li.account > a");
            click(b, "li.logout > a");
            await(b, d -> b.path().startsWith("/login"));
            assertThat(b.path()).isEqualTo("/login?logout");
            b.open("/board/" + campaign.id());
            assertThat(b.path()).startsWith("/login");
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"390, 844", "1366, 768"})
    void aSupervisorsClaimOfAUnitsTaskIsRefusedInChinese(int width, int height) {
        try (Browser b = new Browser(port, width, height)) {
            b.open("/login");
            b.login(f.supervisors.get(0), Fixture.PASSWORD);
            // the board's link into Tasklist needs no second sign-in
            b.open("/camunda/app/tasklist/default/#/?task=" + task);
            click(b, "button.claim");
            await(b, d -> b.find("body").getText().contains("无权执行此操作"));
            assertThat(b.find("body").getText()).doesNotContain("AuthorizationException")
                    .doesNotContain("ENGINE-").doesNotContain(f.supervisors.get(0) + "'");
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
            assertThat(shown(b, ".tenant-id")).as("no raw tenant id beside the task's name").isFalse();
            b.screenshot("tasklist-claim-refused-" + width + "x" + height);
        }
    }
}
