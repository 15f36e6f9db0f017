package cn.chuangwei.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.TwoTasks;
import org.springframework.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office reviews on the workbench with the evidence open beside the result: it returns one task with a reason (a
 * return without one is refused in Chinese) and accepts another; the unit's head then finds the reason first on the
 * returned task. At 390×844 and 1366×768; screenshots in {@code target/screenshots/review-*}.
 */
@H2Test
class ReviewBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext app;
    @Autowired
    TaskRowRepository rows;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @ParameterizedTest
    @CsvSource({"390, 844, phone", "1366, 768, desktop"})
    void theOfficeReturnsOneTaskWithAReasonAndAcceptsAnotherAndTheUnitSeesTheReasonFirst(int width, int height,
                                                                                        String size) {
        TwoTasks two = new TwoTasks(app);
        Fixture f = two.f;
        long meeting = two.meeting;
        long banners = two.banners;
        two.submit("dzb", meeting, "已召开动员大会，参会300人，方案和照片见附件。", "会场照片.png", "动员方案.pdf");
        two.submit("cgzx", banners, "主要街道已悬挂标语32条。", "标语.png");

        try (Browser b = new Browser(port, width, height)) {
            b.open("/work");
            b.login(f.office, Fixture.PASSWORD);
            b.open("/work");
            assertThat(b.text("main")).contains("审核：党政办：召开创卫动员大会").contains("审核：城管环卫中心：主要街道悬挂创卫标语");

            // the meeting: its result and both files beside the form; the photo opened
            openItem(b, "审核：党政办：召开创卫动员大会");
            assertThat(b.text("#review-panel")).contains("已召开动员大会，参会300人").contains("党政办负责人")
                    .contains("2027-05-05").contains("按时提交").contains("首次提交审核");
            assertThat(b.all("#review-panel #gallery figure")).hasSize(2);
            assertThat(b.text("#review-panel #gallery")).contains("会场照片.png").contains("动员方案.pdf");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(b.driver().executeScript(
                    "return Array.from(document.querySelectorAll('#review-panel img')).every(i => i.complete && i.naturalWidth > 0)")));
            assertThat(b.find("#review-panel").getRect().getY()).as("the evidence before the form on a phone, beside it on a desktop")
                    .isLessThan(b.find("#form-panel").getRect().getY() + 20);
            noHorizontalScroll(b);
            b.screenshot("review-office-" + size);
            String page = b.driver().getWindowHandle();
            b.find("#review-panel #gallery figure a").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
            b.driver().getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst()
                    .ifPresent(h -> b.driver().switchTo().window(h));
            assertThat(b.path()).matches("/work/evidence/\\d+");
            b.screenshot("review-evidence-open-" + size);
            b.driver().close();
            b.driver().switchTo().window(page);

            // returned without a reason: refused in Chinese, naming the field; then with one
            choose(b, "退回返工");
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !b.all(".fjs-form-field-error").isEmpty());
            assertThat(b.text(".fjs-form-field-error")).isEqualTo("必填");
            assertThat(b.find("body").getText()).doesNotContain("Field is required");
            assertThat(rows.find(meeting).orElseThrow().status()).isEqualTo(TaskStatus.SUBMITTED);
            reason(b).sendKeys("缺少会场全景照片，请补充。");
            b.screenshot("review-return-" + size);
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.text("#done")).contains("审核：党政办：召开创卫动员大会");

            // the banners: accepted
            openItem(b, "审核：城管环卫中心：主要街道悬挂创卫标语");
            assertThat(b.text("#review-panel")).contains("主要街道已悬挂标语32条").contains("标语.png")
                    .doesNotContain("会场照片.png");
            choose(b, "验收通过");
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.consoleErrors()).as("no script error or CSP violation").isEmpty();

            assertThat(rows.find(meeting).orElseThrow()).extracting(TaskRow::status, TaskRow::reworkCount,
                    TaskRow::returnReason).containsExactly(TaskStatus.RETURNED, 1, "缺少会场全景照片，请补充。");
            assertThat(rows.find(banners).orElseThrow().status()).isEqualTo(TaskStatus.ACCEPTED);

            // the unit's head: the reason comes first on the returned task
            b.find(".nav form button").click();
            b.login(f.head("dzb"), Fixture.PASSWORD);
            b.open("/work");
            openItem(b, "党政办：召开创卫动员大会");
            assertThat(b.text("#return-reason")).contains("缺少会场全景照片，请补充。");
            Object first = b.driver().executeScript("""
                    const r = document.getElementById('return-reason'), t = document.getElementById('task-title');
                    return !!(t.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING)
                        && Array.from(document.querySelectorAll('#form-panel, #evidence'))
                            .every(x => !!(r.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING));""");
            assertThat(first).as("the reason before the evidence and the form").isEqualTo(true);
            noHorizontalScroll(b);
            b.screenshot("review-returned-unit-" + size);
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    static void openItem(Browser b, String name) {
        b.open("/work");
        WebElement link = b.driver().findElements(By.cssSelector(".work-item a")).stream()
                .filter(a -> a.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + b.text("main")));
        link.click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                .until(d -> b.find("#form").getDomAttribute("data-rendered") != null);
        assertThat(b.find("#form").getDomAttribute("data-rendered")).isEqualTo("true");
    }

    /** Clicks the form's radio option whose label starts with the text. */
    static void choose(Browser b, String label) {
        b.driver().findElements(By.cssSelector("#form label")).stream()
                .filter(l -> l.getText().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + b.text("#form"))).click();
    }

    private static WebElement reason(Browser b) {
        return new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> b.driver()
                .findElements(By.cssSelector("#form textarea")).stream()
                .filter(t -> t.getDomAttribute("readonly") == null && t.isDisplayed()).findFirst().orElse(null));
    }

    static void noHorizontalScroll(Browser b) {
        Object wider = b.driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(wider).as("the page scrolls sideways").isEqualTo(false);
    }
}
