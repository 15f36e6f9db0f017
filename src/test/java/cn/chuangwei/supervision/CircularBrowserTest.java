package cn.chuangwei.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervisor issues a circular from overdue tasks in Debian's Chromium, on a phone (390×844) and on a desktop
 * (1366×768): signs in, opens the audit from the board, filters it, ticks overdue tasks, previews the circular as the
 * document, issues it (mailed to the units' heads and the leading group), finds it in the list and opens its print
 * view, which prints as one A4 notice. Screenshots in {@code target/screenshots/}.
 */
@H2Test
class CircularBrowserTest {

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

    Fixture f;
    long id;
    OverdueTown town;

    @BeforeEach
    void seed() {
        town = OverdueTown.seed(port, identity, management, clock);
        f = town.f();
        id = town.id();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void onAPhone() throws Exception {
        journey(390, 844, "phone");
    }

    @Test
    void onADesktop() throws Exception {
        journey(1366, 768, "desktop");
    }

    /** No horizontal scrolling: the page is no wider than the window. */
    static void fits(Browser b, String page) {
        Object wide = b.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) wide).intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(0);
    }

    /** Waits until the browser is at an address that starts so (a click navigates in its own time). */
    static void at(Browser b, String prefix) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().startsWith(prefix));
    }

    /** As a finger does: the element scrolled to the middle of the screen (not under the sticky bar), then tapped. */
    static void tap(Browser b, String css) {
        b.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", b.find(css));
        b.find(css).click();
    }

    void journey(int width, int height, String size) throws Exception {
        try (Browser b = new Browser(port, width, height)) {
            b.open("/board/" + id);
            b.login(f.supervisors.get(0), Fixture.PASSWORD);
            assertThat(b.path()).isEqualTo("/board/" + id);

            // the audit from the board, filtered to tasks at least two working days overdue
            b.find("#overdue-list").click();
            at(b, "/board/" + id + "/overdue");
            b.find("#filters");
            assertThat(b.all("#list tbody tr")).hasSize(3);
            new Select(b.find("#filter-phase")).selectByVisibleText("宣传发动");
            b.find("#filter-min-days").sendKeys("2");
            b.find("#apply-filters").click();
            b.find("#clear-filters");
            assertThat(b.path()).contains("phase=MOBILIZATION").contains("minDays=2");
            assertThat(b.text("#list tbody")).contains("清理主要街道及背街小巷卫生死角", "开展健康教育进社区活动")
                    .doesNotContain("学校卫生检查").doesNotContain("召开动员大会");
            assertThat(b.find("#export").getDomAttribute("href")).contains("phase=MOBILIZATION").contains("minDays=2");
            assertThat(b.find("#preview").isEnabled()).as("nothing picked yet").isFalse();
            tap(b, "#task-" + town.row(OverdueTown.STREETS));
            tap(b, "#task-" + town.row(OverdueTown.HEALTH));
            assertThat(b.text("#picked")).isEqualTo("已选 2 项");
            fits(b, "the audit");
            b.screenshot("circular-" + size + "-1-audit");

            // the preview: the circular as the document, nothing written yet
            b.find("#preview").click();
            at(b, "/board/" + id + "/circulars/preview");
            String sheet = b.text("#document");
            assertThat(sheet).contains(f.town + "创卫办通〔2027〕1号", f.town + "创建活动工作领导小组办公室",
                    "关于" + f.town + "创建活动逾期任务情况的通报", "2027年3月8日", "清理主要街道及背街小巷卫生死角",
                    "开展健康教育进社区活动", "城管环卫中心", "卫生院").doesNotContain("学校卫生检查");
            assertThat(jdbc.sql("select count(*) from circular where campaign_id = :c").param("c", id)
                    .query(Integer.class).single()).isZero();
            fits(b, "the preview");
            b.screenshot("circular-" + size + "-2-preview");

            // issued: in the list, mailed to the heads of the units named and to the leading group
            b.find("#issue").click();
            at(b, "/board/" + id + "/circulars?issued=");
            assertThat(b.text("#issued")).contains("已签发通报", f.town + "创卫办通〔2027〕1号");
            assertThat(b.path()).startsWith("/board/" + id + "/circulars?issued=");
            long circular = Long.parseLong(b.path().replaceAll(".*issued=", ""));
            String row = b.text("#circular-" + circular);
            assertThat(row).contains(f.town + "创卫办通〔2027〕1号", "2027年3月8日", "城管环卫中心", "卫生院", "督查甲");
            assertThat(jdbc.sql("select recipient_user from mail_outbox where idempotency_key like :k")
                    .param("k", "circular:" + circular + ":%").query(String.class).list())
                    .containsExactlyInAnyOrder(f.head("cgzx"), f.head("wsy"), f.leader, f.deputies.get(0),
                            f.deputies.get(1), f.members.get(0), f.members.get(1));
            fits(b, "the list");
            b.screenshot("circular-" + size + "-3-list");

            // its print view: the notice, which prints on A4
            tap(b, "#circular-" + circular + " a.print");
            at(b, "/board/circulars/" + circular + "/print");
            assertThat(b.text("body")).contains(f.town + "创卫办通〔2027〕1号", "清理主要街道及背街小巷卫生死角");
            fits(b, "the print view");
            b.screenshot("circular-" + size + "-4-print-view");
            printsAsOneA4Notice(b, circular, size);
        }
    }

    /** The browser's own print of the print view: one A4 page with the notice's parts, rendered to look at. */
    void printsAsOneA4Notice(Browser b, long circular, String size) throws Exception {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setPageMargin(new PageMargin(0, 0, 0, 0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(b.driver().print(options).getContent());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertThat(page.getWidth() / 72 * 25.4).isCloseTo(210, org.assertj.core.data.Offset.offset(1.0));
            assertThat(page.getHeight() / 72 * 25.4).isCloseTo(297, org.assertj.core.data.Offset.offset(1.0));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains(f.town + "创卫办通〔2027〕1号", "逾期任务情况的通报", "清理主要街道及背街小巷卫生死角",
                    "2027年3月8日");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(image, "png", dir.resolve("circular-" + size + "-5-printed-a4.png").toFile());
        }
    }
}
