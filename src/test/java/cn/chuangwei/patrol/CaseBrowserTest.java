package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A grid inspector reports a case with a photo from the phone; the office opens 我的待办, opens the registration task,
 * sees the photo and the category in words beside the form, and registers the case; the case's page then shows its
 * history. At 390×844 and at 1366×768, in Debian's Chromium; screenshots in {@code target/screenshots/}.
 */
@H2Test
class CaseBrowserTest {

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
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void onAPhone() throws IOException {
        journey(390, 844, "phone");
    }

    @Test
    void onADesktop() throws IOException {
        journey(1366, 768, "desktop");
    }

    /** A photo as a phone takes it (smaller): a pile of rubbish on a pavement, drawn. */
    static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x9fc5e8));
        g.fillRect(0, 0, 640, 260);
        g.setColor(new Color(0xb0b0b0));
        g.fillRect(0, 260, 640, 220);
        g.setColor(new Color(0x7f6000));
        g.fillOval(180, 230, 300, 160);
        g.setColor(new Color(0x38761d));
        g.fillRect(260, 200, 80, 70);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(6));
        g.drawLine(0, 260, 640, 260);
        g.dispose();
        Path file = Files.createTempFile("case-photo", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    void journey(int width, int height, String size) throws IOException {
        clock.set(LocalDateTime.of(2027, 4, 6, 10, 0));
        Fixture f = new Fixture(identity);
        long campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 4, 1), List.of(), false)).id();
        String inspector = f.p + "-wanggy";
        User u = identity.newUser(inspector);
        u.setFirstName("王网格员");
        u.setLastName("");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(inspector, CaseService.GRID_INSPECTORS);
        assertThat(new Api(port, f.office, Fixture.PASSWORD).put("/api/campaigns/" + campaign + "/grids", List.of(
                Map.of("code", "G2", "name", "新华社区网格", "inspector", f.supervisors.get(0)),
                Map.of("code", "G3", "name", "青山街网格", "inspector", inspector))).status()).isEqualTo(200);
        String description = "人行道乱堆建筑垃圾，影响通行·" + f.p;
        Path photo = photo();

        // the inspector reports from the phone page, with a photo
        long caseId;
        try (Browser b = new Browser(port, width, height)) {
            b.open("/m/report");
            b.login(inspector, Fixture.PASSWORD);
            assertThat(b.path()).isEqualTo("/m/report");
            Select grid = new Select(b.find("#grid"));
            assertThat(grid.getFirstSelectedOption().getText()).contains("青山街网格");
            new Select(b.find("#category")).selectByVisibleText("乱堆乱放");
            b.find("#description").sendKeys(description);
            b.find("#address").sendKeys("青山路12号");
            b.find("#latitude").sendKeys("31.2304");
            b.find("#longitude").sendKeys("120.6123");
            b.find("#photos").sendKeys(photo.toAbsolutePath().toString());
            assertNoSidewaysScroll(b);
            b.screenshot("case-report-" + size);
            b.find("#submit").click();
            b.find("#reported");
            assertThat(b.text("#reported")).contains("已上报");
            caseId = jdbc.sql("select id from patrol_case where description = :d").param("d", description)
                    .query(Long.class).single();
            b.find("#reported-case").click();
            b.find("#case-panel");
            assertThat(b.text("#case-category")).isEqualTo("事件 · 街面秩序 · 乱堆乱放");
            assertThat(b.text("#case-grid")).isEqualTo("青山街网格");
            WebElement own = b.find("#case-photos img.thumb");
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> loaded(b, own));
            assertNoSidewaysScroll(b);
            b.screenshot("case-reported-" + size);
        }

        // the office registers it from 我的待办, the photo and the category beside the form
        try (Browser b = new Browser(port, width, height)) {
            b.open("/work");
            b.login(f.office, Fixture.PASSWORD);
            assertThat(b.path()).isEqualTo("/work");
            b.find(".work-item a");
            assertThat(b.text("main")).contains("立案：乱堆乱放：青山路12号").doesNotContain("CLUTTER");
            WebElement registration = b.all(".work-item a").stream()
                    .filter(a -> a.getText().contains("立案：乱堆乱放：青山路12号")).findFirst().orElseThrow();
            b.screenshot("case-office-work-" + size);
            registration.click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                    .until(d -> "true".equals(b.find("#form").getDomAttribute("data-rendered")));
            b.find("#case-panel");
            assertThat(b.text("#case-category")).isEqualTo("事件 · 街面秩序 · 乱堆乱放");
            assertThat(b.text("#case-description")).isEqualTo(description);
            assertThat(b.text("#case-reporter")).contains("王网格员");
            assertThat(b.text("#case-grid")).isEqualTo("青山街网格");
            assertThat(b.text("#case-panel")).doesNotContain("CLUTTER").doesNotContain("G3");
            WebElement thumb = b.find("#case-photos img.thumb");
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> loaded(b, thumb));
            assertThat(((Number) b.driver().executeScript("return arguments[0].naturalWidth", thumb)).intValue())
                    .isEqualTo(640);
            assertNoSidewaysScroll(b);
            b.screenshot("case-register-task-" + size);
            // the photo opens in place, larger, and closes again
            b.find("#case-photos a.thumb-link").click();
            WebElement big = b.find(".lightbox:target img");
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> big.isDisplayed() && loaded(b, big));
            b.driver().getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(b.driver().getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    Path.of("target", "screenshots", "case-photo-open-" + size + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            b.find(".lightbox:target a.close").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !big.isDisplayed());

            register(b);

            // the case's page shows the registration in its history, by name
            b.open("/board/" + campaign + "/cases/" + caseId);
            b.find("#case-history");
            assertThat(b.text("#case-status")).isEqualTo("已立案");
            assertThat(b.all("#case-history li").stream().map(WebElement::getText).toList())
                    .anySatisfy(t -> assertThat(t).contains("上报").contains("王网格员").contains("2027年4月6日"))
                    .anySatisfy(t -> assertThat(t).contains("立案").contains("创卫办"));
            assertThat(b.text("main")).doesNotContain("REGISTERED").doesNotContain(f.office);
            assertNoSidewaysScroll(b);
            b.screenshot("case-page-" + size);
            // and the list links it, the grid by name
            b.open("/board/" + campaign + "/cases");
            assertThat(b.text("#list")).contains("青山街网格").doesNotContain("G3");
            b.find("#list a[href='/board/" + campaign + "/cases/" + caseId + "']");

            // 派遣 in Tasklist, for whoever prefers it: the same drop-down, the proposed unit shown by its name
            String dispatch = tasks.createTaskQuery().taskDefinitionKey("dispatchCase")
                    .processVariableValueEquals("caseId", caseId).singleResult().getId();
            b.open("/camunda/app/tasklist/default/#/?task=" + dispatch);
            // the drop-down's own display (not the read-only 建议单位 beside it) names the unit: its options were read
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> !b.all(".fjs-select-display").isEmpty()
                    && "城管环卫中心".equals(b.text(".fjs-select-display").trim()));
            b.driver().executeScript("arguments[0].scrollIntoView()", b.find(".fjs-select-display"));
            assertThat(b.text(".fjs-form")).doesNotContain(f.unit("cgzx"));
            b.screenshot("case-dispatch-tasklist-" + size);

            // 派遣: the unit by its name, the proposed one chosen; no code on the screen
            b.open("/work");
            b.all(".work-item a").stream().filter(a -> a.getText().contains("派遣：乱堆乱放：青山路12号")).findFirst()
                    .orElseThrow().click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                    .until(d -> "true".equals(b.find("#form").getDomAttribute("data-rendered")));
            assertThat(b.text("#form")).contains("城管环卫中心").doesNotContain(f.unit("cgzx"));
            assertThat(b.text("main")).doesNotContain(f.unit("cgzx"));
            assertNoSidewaysScroll(b);
            b.screenshot("case-dispatch-task-" + size);
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.consoleErrors()).as("no script error or CSP violation").isEmpty();
        }

        // 处置 then 处理反馈: the unit head reports the case handled (处置 asks for no photo), then reports back what was
        // done with the after-photo added from the case panel beside the form; without the photo the feedback is refused
        try (Browser b = new Browser(port, width, height)) {
            b.open("/work");
            b.login(f.head("cgzx"), Fixture.PASSWORD);
            b.all(".work-item a").stream().filter(a -> a.getText().contains("处置：乱堆乱放：青山路12号")).findFirst()
                    .orElseThrow().click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                    .until(d -> "true".equals(b.find("#form").getDomAttribute("data-rendered")));
            assertThat(b.text("#task-unit")).isEqualTo("城管环卫中心");
            assertThat(b.all("#case-upload")).isEmpty();
            assertThat(b.text("#form")).contains("处理反馈");
            b.driver().findElements(By.cssSelector("#form label")).stream()
                    .filter(l -> l.getText().trim().startsWith("已处置")).findFirst().orElseThrow().click();
            assertNoSidewaysScroll(b);
            b.screenshot("case-handle-task-" + size);
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.text("#done")).contains("处置：乱堆乱放：青山路12号");

            b.all(".work-item a").stream().filter(a -> a.getText().contains("处理反馈：乱堆乱放：青山路12号")).findFirst()
                    .orElseThrow().click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                    .until(d -> "true".equals(b.find("#form").getDomAttribute("data-rendered")));
            b.find("#case-upload");
            assertThat(b.text("#case-status")).isEqualTo("已处置待反馈");
            assertThat(b.text("#case-upload-limits")).contains("20 MB");
            assertThat(b.text("#form-panel")).contains("添加现场照片").doesNotContain("接口");
            WebElement result = b.driver().findElements(By.cssSelector("#form textarea")).stream()
                    .filter(t -> t.getDomAttribute("readonly") == null).findFirst().orElseThrow();
            result.sendKeys("已清运建筑垃圾，人行道恢复通行");
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.text("#form-error").contains("处置后的照片"));
            assertThat(b.path()).startsWith("/work/tasks/");
            b.screenshot("case-feedback-refused-" + size);
            int before = b.all("#case-photos img.thumb").size();
            b.find("#case-files").sendKeys(photo.toAbsolutePath().toString());
            new WebDriverWait(b.driver(), Duration.ofSeconds(20))
                    .until(d -> b.all("#case-photos img.thumb").size() == before + 1);
            WebElement added = b.all("#case-photos img.thumb").get(before);
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> loaded(b, added));
            assertThat(b.text("#case-photos")).contains("处置后");
            assertThat(b.text("#case-upload-status")).contains("已上传");
            assertNoSidewaysScroll(b);
            b.screenshot("case-feedback-photo-" + size);
            b.find("#submit").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
            assertThat(b.text("#done")).contains("处理反馈：乱堆乱放：青山路12号");
            // the refusal above is the one answer the browser logs (a 400 from the complete call); nothing else
            assertThat(b.consoleErrors()).as("no script error or CSP violation")
                    .allMatch(e -> e.contains("/complete - Failed to load resource: the server responded with a status of 400"));

            // the case's page: fed back, awaiting the check, the feedback and who gave it in its history
            b.open("/board/" + campaign + "/cases/" + caseId);
            b.find("#case-history");
            assertThat(b.text("#case-status")).isEqualTo("已反馈待核查");
            assertThat(b.text("#case-feedback")).isEqualTo("已清运建筑垃圾，人行道恢复通行");
            assertThat(b.all("#case-history li").stream().map(WebElement::getText).toList())
                    .anySatisfy(t -> assertThat(t).contains("处置完毕").contains("城管环卫中心负责人"))
                    .anySatisfy(t -> assertThat(t).contains("处理反馈").contains("已清运建筑垃圾"));
            assertThat(b.text("main")).doesNotContain("FED_BACK").doesNotContain("HANDLED");
            assertNoSidewaysScroll(b);
            b.screenshot("case-fed-back-" + size);
        }
    }

    /** The office's answer in the workbench's form: 立案, submitted; back on 我的待办. */
    void register(Browser b) {
        b.driver().findElements(By.cssSelector("#form label")).stream()
                .filter(l -> l.getText().trim().startsWith("立案") && !l.getText().contains("意见")).findFirst()
                .orElseThrow().click();
        b.find("#submit").click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().equals("/work"));
        assertThat(b.text("#done")).contains("立案：乱堆乱放：青山路12号");
        assertThat(b.consoleErrors()).as("no script error or CSP violation").isEmpty();
    }

    static boolean loaded(Browser b, WebElement img) {
        return Boolean.TRUE.equals(b.driver().executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    static void assertNoSidewaysScroll(Browser b) {
        Object wide = b.driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(wide).as("the page scrolls sideways at " + b.path()).isEqualTo(false);
    }
}
