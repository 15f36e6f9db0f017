package cn.chuangwei.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A sheet's name made from typed text keeps to Excel's rules and to XML's, and the table's filter and print titles can
 * name the sheet, whatever the text (found by the fuzz tests).
 */
class SpreadsheetTest {

    @Test
    void typedTitlesBecomeValidSheetNames() throws Exception {
        for (String title : List.of("'0&8焉 2027-09 月度考核（未定稿）'", "a/b?c*d[e]f:g\\h", "\uFFFF\u0001", "'", "", "\tA", "a\rb\nc",
                "很长的标题".repeat(10))) {
            byte[] xlsx = Spreadsheet.write(title, List.of("列"), List.of(List.of("值")));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                String name = wb.getSheetName(0);
                assertThat(name).as(title).isNotBlank().doesNotStartWith("'").doesNotEndWith("'")
                        .doesNotContainPattern("[\\\\/?*\\[\\]:]").hasSizeLessThanOrEqualTo(31);
            }
        }
    }

    @Test
    void neutralisesEveryFormulaPrefix() {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1").stream().map(Spreadsheet::neutralised))
                .allMatch(s -> s.startsWith("'"));
        assertThat(Spreadsheet.neutralised("青山村")).isEqualTo("青山村");
        assertThat(Spreadsheet.neutralised(null)).isEmpty();
    }
}
