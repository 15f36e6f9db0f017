package cn.chuangwei.phase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SignedIn;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.TwoTasks;
import org.springframework.context.ApplicationContext;
import cn.chuangwei.task.WorkService;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A leading-group member opens the gate's signature from 我的待办, reads the phase's figures, who has signed and what
 * the gate table weighs, and signs. At 390×844 and 1366×768; screenshots in {@code target/screenshots/gate-*}.
 */
@H2Test
class GateBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext app;
    @Autowired
    IdentityService identity;
    @Autowired
    WorkService work;
    @Autowired
    GateSignatures signatures;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @ParameterizedTest
    @CsvSource({"390, 844, phone", "1366, 768, desktop"})
    void aMemberSignsAGateAfterSeeingItsFigures(int width, int height, String size) {
        TwoTasks two = new TwoTasks(app);
        Fixture f = two.f;
        CampaignDriver driver = two.driver;
        two.gateWithTheMeetingOpen(clock);
        String member = f.members.get(0);
        Task memberTask = two.gateTaskOf(member);
        SignedIn.run(identity, member, () -> work.complete(memberTask.getId(),
                Map.of("signDecision", "REJECT", "signComment", "动员大会尚未召开，不同意进入下一阶段。")));
        String deputy = f.deputies.get(0);

        try (Browser b = new Browser(port, width, height)) {
            b.open("/work");
            b.login(deputy, Fixture.PASSWORD);
            b.open("/work");
            WebElement link = b.driver().findElements(By.cssSelector(".work-item a")).stream()
                    .filter(a -> a.getText().contains("阶段验收签批：宣传发动")).findFirst()
                    .orElseThrow(() -> new AssertionError(b.text("main")));
            link.click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                    .until(d -> b.find("#form").getDomAttribute("data-rendered") != null);

            assertThat(b.text("#gate-accepted")).contains("50%").contains("1 / 2");
            assertThat(b.text("#gate-critical")).contains("1");
            assertThat(b.text("#gate-critical-rows")).contains("召开创卫动员大会").contains("党政办").contains("待办理");
            assertThat(b.text("#gate-signed")).contains("1 / 5");
            assertThat(b.text("#gate-signers")).contains("组长").contains("副组长甲").contains("成员甲")
                    .contains("不同意").contains("动员大会尚未召开").contains("尚未签批").contains("本人")
                    .doesNotContain(member).doesNotContain(deputy);
            assertThat(b.text("#gate-inputs")).contains("不同意签批占比").contains("100%").contains("任务验收通过率")
                    .contains("50%");
            assertThat(b.text("#gate-outcome")).contains("提请组长决定");
            assertThat(b.text("#gate-rules")).contains("过半数成员不同意：提请组长决定").contains("符合");
            assertThat(b.find("body").getText()).doesNotContain("ESCALATE").doesNotContain("MOBILIZATION");
            assertThat(b.find("#gate-panel").getRect().getY()).as("the figures before the form on a phone, beside it on a desktop")
                    .isLessThan(b.find("#form-panel").getRect().getY() + 20);
            noHorizontalScroll(b);
            b.screenshot("gate-sign-" + size);

            b.driver().findElements(By.cssSelector("#form label")).stream()
                    .filter(l -> l.getText().startsWith("同意")).findFirst().orElseThrow().click();
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.text("#done")).contains("阶段验收签批：宣传发动");
            assertThat(b.consoleErrors()).as("no script error or CSP violation").isEmpty();
        }
        assertThat(signatures.signatures(driver.campaignId, Phase.MOBILIZATION))
                .anyMatch(s -> s.userId().equals(deputy) && "APPROVE".equals(s.decision()) && "SIGN".equals(s.kind()));
    }

    static void noHorizontalScroll(Browser b) {
        Object wider = b.driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(wider).as("the page scrolls sideways").isEqualTo(false);
    }
}
