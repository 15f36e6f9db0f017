package cn.chuangwei.standard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office loads the official text of a standard in Debian's Chromium, at a phone's size and at a laptop's: opens
 * 标准 from the header, downloads the blank workbook (four sheets with drop-down lists), uploads a filled-in workbook
 * with two faults, sees each by sheet, row and column (nothing written), uploads it corrected, and sees the standard
 * loaded as its first version in the list. Screenshots go to {@code target/screenshots/}.
 */
@H2Test
class StandardsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onAPhone() throws IOException {
        journey(390, 844, "phone");
    }

    @Test
    void onALaptop() throws IOException {
        journey(1366, 768, "laptop");
    }

    void journey(int width, int height, String size) throws IOException {
        Fixture f = new Fixture(identity);
        String family = "test-web-" + f.p.toLowerCase();
        String name = "某省卫生镇标准·" + f.p;
        // the official text, as the 爱卫办 hands it over: here the Jiangsu standard under a code and name of its own
        byte[] official = StandardWorkbookTest.edit(new Api(port, f.office, Fixture.PASSWORD)
                .bytes("/api/standards/provincial-jiangsu/workbook.xlsx"), wb -> {
                    StandardWorkbookTest.set(wb, "标准", 1, "代码", family);
                    StandardWorkbookTest.set(wb, "标准", 1, "名称", name);
                });
        Path broken = file(StandardWorkbookTest.edit(official, wb -> {
            StandardWorkbookTest.set(wb, "条目", 3, "分值", "12");
            StandardWorkbookTest.set(wb, "指标", 2, "类型", "颜色");
        }));
        Path good = file(official);
        try (Browser b = new Browser(port, width, height)) {
            b.open("/");
            b.login(f.office, Fixture.PASSWORD);
            b.find("#to-standards").click();
            assertThat(b.text("h1")).isEqualTo("标准与版本");
            assertThat(b.text("#standards")).contains("国家卫生乡镇标准").contains("第1版");
            noSideways(b);
            shot(b, "standards-list-" + size);

            // the blank workbook, with the same session's rights
            WebSession office = new WebSession(port);
            office.login(f.office, Fixture.PASSWORD);
            byte[] template = office.download(b.find("#download-template").getDomAttribute("href"));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                        .containsExactly("标准", "方面", "条目", "指标");
                assertThat(wb.getSheet("指标").getDataValidations()).isNotEmpty();
                assertThat(wb.getSheet("指标").getRow(0).getCell(0).getStringCellValue()).isEqualTo("方面");
            }

            int before = rows();
            b.find("#file").sendKeys(broken.toAbsolutePath().toString());
            b.find("#check").click();
            b.find("#problems");
            assertThat(b.text("#problems-summary")).contains("共 2 处问题");
            WebElement points = b.find("#problem-list tbody tr[data-sheet='条目'][data-row='4']");
            assertThat(points.getText()).contains("条目").contains("第4行").contains("分值").contains("12");
            WebElement type = b.find("#problem-list tbody tr[data-sheet='指标'][data-row='3']");
            assertThat(type.getText()).contains("类型").contains("颜色").contains("百分比");
            assertThat(b.all("#problem-list tbody tr")).hasSize(2);
            assertThat(rows()).isEqualTo(before);
            noSideways(b);
            shot(b, "standards-errors-" + size);

            b.find("#file").sendKeys(good.toAbsolutePath().toString());
            b.find("#check").click();
            assertThat(b.text("#loaded")).contains("已载入").contains(name).contains("第1版");
            assertThat(b.text("#standards")).contains(name);
            assertThat(b.text("#standards")).doesNotContain(family);
            assertThat(rows()).isGreaterThan(before);
            noSideways(b);
            shot(b, "standards-loaded-" + size);
        }
    }

    private int rows() {
        return jdbc.sql("select (select count(*) from standard) + (select count(*) from standard_item) "
                + "+ (select count(*) from standard_indicator) + (select count(*) from standard_area)")
                .query(Integer.class).single();
    }

    private static Path file(byte[] content) throws IOException {
        Path p = Files.createTempFile("标准", ".xlsx");
        Files.write(p, content);
        return p;
    }

    private static void shot(Browser b, String name) {
        b.driver().executeScript("window.scrollTo(0, 0)");
        b.screenshot(name);
    }

    private static void noSideways(Browser b) {
        assertThat(b.sidewaysOverflow()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }
}
