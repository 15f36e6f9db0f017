package cn.chuangwei.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
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

    /** A date is a date Excel can sort and filter (a number with a date format), not text; numbers stay numbers. */
    @Test
    void datesAreExcelDates() throws Exception {
        byte[] xlsx = Spreadsheet.write("逾期任务", List.of("任务", "完成时限", "逾期工作日"),
                List.of(List.of("清理主要街道", LocalDate.of(2027, 3, 4), 2)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell deadline = wb.getSheetAt(0).getRow(3).getCell(1);
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 4));
            assertThat(new DataFormatter().formatCellValue(deadline)).isEqualTo("2027-03-04");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    /**
     * A column is as wide as its widest cell, a Chinese character counting two (任务 is not 10 characters wide for a
     * 20-character title), up to a sane width beyond which the text wraps in a taller row.
     */
    @Test
    void columnsFitTheirWidestCellCountingChineseAsTwo() throws Exception {
        String title = "组织开展城乡环境卫生整洁行动全面清理"; // 19 characters
        String longText = "对照标准逐项整改背街小巷、城中村、农贸市场周边的卫生死角，建立长效保洁机制并落实门前三包责任制度";
        byte[] xlsx = Spreadsheet.write("任务清单", List.of("任务", "单位", "说明", "时限", "No."),
                List.of(List.of(title, "党政办", "short", LocalDate.of(2027, 3, 4), 1),
                        List.of("扫街", "城管环卫中心", longText, LocalDate.of(2027, 3, 5), 12)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            int task = sheet.getColumnWidth(0) / 256;
            assertThat(task).isGreaterThanOrEqualTo(2 * title.length()).isLessThanOrEqualTo(Spreadsheet.MAX_WIDTH);
            assertThat(sheet.getColumnWidth(1) / 256).isGreaterThanOrEqualTo(2 * "城管环卫中心".length())
                    .isLessThan(task);
            assertThat(sheet.getColumnWidth(2) / 256).isEqualTo(Spreadsheet.MAX_WIDTH);
            assertThat(sheet.getColumnWidth(3) / 256).isGreaterThanOrEqualTo("2027-03-04".length());
            assertThat(sheet.getColumnWidth(4) / 256).isGreaterThanOrEqualTo(Spreadsheet.MIN_WIDTH).isLessThan(10);
            // the long text wraps: its row is taller than the one-line row above it
            assertThat(sheet.getRow(4).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(4).getHeightInPoints()).isGreaterThan(sheet.getRow(3).getHeightInPoints());
        }
        assertThat(Spreadsheet.displayWidth("李镇长 (ab)")).isEqualTo(11);
        assertThat(Spreadsheet.displayWidth("ｑ１，")).isEqualTo(6);
    }

    @Test
    void neutralisesEveryFormulaPrefix() {
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1").stream().map(Spreadsheet::neutralised))
                .allMatch(s -> s.startsWith("'"));
        assertThat(Spreadsheet.neutralised("青山村")).isEqualTo("青山村");
        assertThat(Spreadsheet.neutralised(null)).isEmpty();
    }
}
