package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Browser;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.NewTown;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office of a new town (set up as {@code org/RegionSetupScenario} does) sets up the town's first campaign in
 * Debian's Chromium, at a phone's size and at a laptop's: signs in, opens 新建创建活动 from the header, fills the form
 * (template, start date, leading group, each unit's head), sees the preview, creates; downloads the decomposition
 * template, uploads a table with one bad row, sees that row's error by row and column, uploads the corrected table,
 * commits, and sees the rows in the list and on the board. Screenshots go to {@code target/screenshots/}.
 */
@H2Test
class OfficeSetupBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void onAPhone() throws IOException {
        journey(390, 844, "phone");
    }

    @Test
    void onALaptop() throws IOException {
        journey(1366, 768, "laptop");
    }

    void journey(int width, int height, String size) throws IOException {
        clock.set(LocalDateTime.of(2027, 6, 1, 9, 0));
        NewTown t = new NewTown(port);
        SUFFIX.set(t.p);
        try (Browser b = new Browser(port, width, height)) {
            b.open("/");
            b.login(t.office, NewTown.PASSWORD);
            b.find("#to-new-campaign").click();
            assertThat(b.text("h1")).isEqualTo("新建创建活动");
            assertThat(b.path()).isEqualTo("/board/campaigns/new");
            b.driver().executeScript("arguments[0].value = '2027-07-01'", b.find("#startDate"));
            new Select(b.find("#lg-" + t.leader)).selectByVisibleText("组长");
            new Select(b.find("#lg-" + t.deputy)).selectByVisibleText("副组长");
            new Select(b.find("#lg-" + t.member)).selectByVisibleText("成员");
            List<WebElement> heads = b.all("select[id$='-head']");
            assertThat(heads).hasSizeGreaterThan(5);
            String[] people = {"陈主任", "周院长", "吴书记"};
            for (int i = 0; i < heads.size(); i++) {
                new Select(heads.get(i)).selectByVisibleText(people[i % 3]);
            }
            new Select(b.find("#u0-deputy")).selectByVisibleText("王镇长");
            noSideways(b);
            shot(b, "setup-campaign-form-" + size);

            b.find("#preview").click();
            b.find("#create");
            assertThat(b.text("#p-leader")).isEqualTo("李书记");
            assertThat(b.text("#p-deputies")).isEqualTo("王镇长");
            // six working days from Thursday 1 July 2027; the campaign reaches into 2028, whose holidays are not entered
            assertThat(b.text("#p-phases")).contains("宣传发动").contains("2027年7月1日").contains("2027年7月8日");
            assertThat(b.text("#p-calendar-notes")).contains("2027年的节假日安排为暂定").contains("2028年的节假日尚未录入");
            assertThat(b.text("#p-units")).contains("城管环卫中心").contains("陈主任");
            assertThat(b.text("#p-total")).matches("按模板共生成 \\d+ 项任务。");
            noSideways(b);
            shot(b, "setup-campaign-preview-" + size);
            b.find("#create").click();

            b.find("#created");
            String importPath = b.path().replaceAll("\\?.*", "");
            String board = importPath.replace("/import", "");
            assertThat(b.text("#created")).contains("创建活动已创建");

            // the template: downloaded with the same session's rights (a link the office follows)
            String href = b.find("#download-template").getDomAttribute("href");
            WebSession office = new WebSession(port);
            office.login(t.office, NewTown.PASSWORD);
            byte[] template = office.download(href);
            List<String> header;
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                header = new java.util.ArrayList<>();
                wb.getSheetAt(0).getRow(0).forEach(c -> header.add(c.getStringCellValue()));
                assertThat(wb.getSheetAt(0).getDataValidations()).isNotEmpty();
            }
            assertThat(header).startsWith("阶段", "任务");

            Path bad = table(header, "不存在的单位");
            b.find("#file").sendKeys(bad.toAbsolutePath().toString());
            b.find("#check").click();
            b.find("#problems");
            assertThat(b.text("#problems-summary")).contains("共 2 行任务，其中 1 行有问题");
            WebElement problem = b.find("#problem-list tbody tr[data-row='3']");
            assertThat(problem.getText()).contains("第3行").contains("责任单位").contains("“不存在的单位”不属于本创建活动");
            assertThat(b.all("#problem-list tbody tr")).hasSize(1);
            noSideways(b);
            shot(b, "setup-import-errors-" + size);

            Path good = table(header, "城管环卫中心");
            b.find("#file").sendKeys(good.toAbsolutePath().toString());
            b.find("#check").click();
            b.find("#commit");
            assertThat(b.text("#preview-list")).contains("清理主要街道").contains("2027年7月20日").contains("城管环卫中心");
            noSideways(b);
            shot(b, "setup-import-preview-" + size);
            b.find("#commit").click();

            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().contains("/tasks?imported=2"));
            assertThat(b.text("#subtitle")).contains("已导入 2 项任务");
            assertThat(b.text("#list")).contains("清理主要街道·" + t.p).contains("清理河道·" + t.p);
            shot(b, "setup-imported-" + size);
            b.open(board);
            assertThat(b.text("#heatmap")).contains("城管环卫中心");
            assertThat(b.driver().findElements(By.id("to-import"))).hasSize(1);
            shot(b, "setup-board-" + size);
        }
    }

    /** A filled-in table of two rows; the second's unit as given. */
    static Path table(List<String> header, String secondUnit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("任务分解表");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            write(s.createRow(1), header, "组织实施", "清理主要街道", "城管环卫中心", "2027-07-20");
            write(s.createRow(2), header, "组织实施", "清理河道", secondUnit, "2027-07-25");
            wb.write(out);
            Path file = Files.createTempFile("分解表", ".xlsx");
            Files.write(file, out.toByteArray());
            return file;
        }
    }

    private static void write(Row row, List<String> header, String phase, String title, String unit, String deadline) {
        row.createCell(header.indexOf("阶段")).setCellValue(phase);
        row.createCell(header.indexOf("任务")).setCellValue(title + "·" + SUFFIX.get());
        row.createCell(header.indexOf("责任单位")).setCellValue(unit);
        row.createCell(header.indexOf("完成时限")).setCellValue(deadline);
    }

    static final ThreadLocal<String> SUFFIX = new ThreadLocal<>();

    /** The whole page from its top, as {@code target/screenshots/<name>.png}. */
    static void shot(Browser b, String name) {
        b.driver().executeScript("window.scrollTo(0, 0)");
        b.screenshot(name);
    }

    /** No horizontal scrolling: the page is no wider than the window. */
    static void noSideways(Browser b) {
        Object wide = b.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) wide).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }
}
