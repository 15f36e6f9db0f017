package cn.chuangwei.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.documents.DocumentRenderer;
import cn.chuangwei.documents.Spreadsheet;
import cn.chuangwei.documents.TestDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The circular as PDF (and its print view), Word and Excel. The PDF tests need a Chinese TrueType font on the machine:
 * apt-get install fonts-wqy-microhei.
 */
class CircularDocumentsTest {

    /** The table's header as the message bundle has it in Chinese. */
    static final List<String> HEADERS = List.of("序号", "责任单位", "任务", "阶段", "完成时限", "逾期工作日", "督办等级", "分管领导");

    private static final String LONG_TASK = "完成辖区内所有农贸市场、背街小巷、城乡结合部及河道沟渠两侧的病媒生物防制设施建设，"
            + "并整理日常巡查记录台账报镇创卫办备案";

    private final CircularPdf pdfs = new CircularPdf(TestDocuments.renderer(), TestDocuments.messages());
    private final CircularDocx docx = new CircularDocx(TestDocuments.messages());
    private final CircularXlsx xlsx = new CircularXlsx(TestDocuments.messages());

    private static Circular small() {
        return new Circular("青创卫办通〔2027〕3号", "关于2027年第一季度创卫重点任务逾期情况的通报",
                "青山镇创建省级卫生乡镇工作领导小组办公室", LocalDate.of(2027, 3, 15),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14),
                "各村（社区）、镇直各单位：\n为加快推进省级卫生乡镇创建工作，镇创卫办对各责任单位的任务完成情况进行了督查。"
                        + "现将截至3月14日仍未完成的任务通报如下。\n请各责任单位对照清单，于5个工作日内完成整改并书面报告。",
                List.of(new Circular.Row(1, "=SUM(A1)", "清理背街小巷卫生死角", "整改提升", LocalDate.of(2027, 3, 1), 10,
                                "黄牌督办", "王建国"),
                        new Circular.Row(2, "青山镇卫生院", LONG_TASK, "创建准备", LocalDate.of(2027, 2, 20), 15, "红牌督办", "李明"),
                        new Circular.Row(3, "青山村", "健康教育宣传栏更新", "宣传发动", LocalDate.of(2027, 3, 10), 3, "提醒", "赵丽")));
    }

    private static Circular large() {
        List<Circular.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(new Circular.Row(i, "第" + i + "村民委员会", i % 3 == 0 ? "第" + i + "项：" + LONG_TASK : "第" + i + "项整改任务",
                    "整改提升", LocalDate.of(2027, 1, 1).plusDays(i), i + 1, i % 2 == 0 ? "红牌督办" : "黄牌督办", "副镇长" + i));
        }
        Circular s = small();
        return new Circular("青创卫办通〔2027〕4号", s.title(), s.issuingOffice(), s.issuedOn(), s.periodFrom(), s.periodTo(),
                s.body(), rows);
    }

    /** PDF text with all whitespace removed, cell by cell: long cells wrap over several lines. */
    private static String pdfText(byte[] pdf, int fromPage) throws IOException {
        return TestDocuments.pdfText(pdf, fromPage, false);
    }

    /** PDF text with all whitespace removed, as read from top to bottom: the page number at the foot comes last. */
    private static String pdfReading(byte[] pdf, int fromPage) throws IOException {
        return TestDocuments.pdfText(pdf, fromPage, true);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void pdfHasTheNoticeAndEveryRow() throws IOException {
        Circular c = small();
        byte[] pdf = pdfs.pdf(c);

        String text = pdfText(pdf, 1);
        assertThat(text).contains(squeeze(c.title()), c.number(), c.issuingOffice(), "2027年3月15日",
                "统计时段：2027年3月1日至2027年3月14日", "各村（社区）、镇直各单位：", "逾期任务清单");
        assertThat(text).contains(HEADERS);
        for (Circular.Row r : c.rows()) {
            assertThat(text).contains(r.unitName(), r.taskTitle());
            // the cells of a row in order: deadline, working days overdue, level, deputy
            assertThat(text).contains(r.deadline() + String.valueOf(r.workingDaysOverdue()) + r.level() + r.deputyName());
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            PDFont font = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // a subset
        }
        assertThat(pdf.length).isLessThan(200_000);
    }

    @Test
    void pdfTableContinuesOverPages() throws IOException {
        Circular c = large();
        byte[] pdf = pdfs.pdf(c);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
        String text = pdfText(pdf, 1);
        for (Circular.Row r : c.rows()) {
            assertThat(text).contains(r.unitName(), squeeze(r.taskTitle()), r.deputyName());
        }
        assertThat(pdfReading(pdf, 1)).endsWith(c.issuingOffice() + "2027年3月15日" + "—" + pdfPages(pdf) + "—");
        // the header row is repeated on the next page
        assertThat(pdfText(pdf, 2)).contains("逾期工作日", "分管领导");
    }

    private static int pdfPages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void pdfSplitsARowTallerThanAPage() throws IOException {
        Circular s = small();
        String huge = "很长的任务说明".repeat(400);
        Circular c = new Circular(s.number(), s.title(), s.issuingOffice(), s.issuedOn(), null, null, "",
                List.of(new Circular.Row(1, "青山村", huge, "整改提升", LocalDate.of(2027, 3, 1), 1, "提醒", "赵丽")));
        byte[] pdf = pdfs.pdf(c);
        assertThat(pdfPages(pdf)).isGreaterThan(2);
        // page numbers and the repeated header row interleave with the pieces, but no character is lost
        String text = pdfText(pdf, 1);
        assertThat(text.chars().filter(ch -> ch == '很').count()).isEqualTo(400);
        assertThat(text.chars().filter(ch -> ch == '明').count()).isEqualTo(400);
        assertThat(text).contains("整改提升2027-03-011提醒赵丽");
        assertThat(pdfReading(pdf, pdfPages(pdf))).startsWith("序号责任单位任务").contains(c.issuingOffice() + "2027年3月15日");
    }

    @Test
    void pdfWithoutAChineseFontFailsWithAHint(@TempDir Path dir) throws IOException {
        DocumentRenderer none = new DocumentRenderer(TestDocuments.messages(), "", List.of(dir.resolve("none.ttc")));
        assertThatThrownBy(() -> new CircularPdf(none, TestDocuments.messages()).pdf(small()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fonts-wqy-microhei")
                .hasMessageContaining("chuangwei.circular.font");
        Path junk = Files.writeString(dir.resolve("junk.ttf"), "not a font");
        DocumentRenderer junkFont = new DocumentRenderer(TestDocuments.messages(), junk.toString());
        assertThatThrownBy(() -> new CircularPdf(junkFont, TestDocuments.messages()).pdf(small()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fonts-wqy-microhei");
        // the print view, Word and Excel need no font
        assertThat(new CircularPdf(junkFont, TestDocuments.messages()).html(small())).contains(small().number());
        assertThat(xlsx.xlsx(small())).isNotEmpty();
        assertThat(docx.docx(small())).isNotEmpty();
    }

    @Test
    void aLongTitleWrapsOverLinesAndThePdfSaysWhatItIs() throws IOException {
        Circular s = small();
        String title = "关于青山镇创建省级卫生乡镇工作中各村（社区）和镇直各单位重点创建任务逾期未完成情况及限期整改具体要求的通报（第一季度末）";
        assertThat(title).hasSize(60);
        Circular c = new Circular(s.number(), title, s.issuingOffice(), s.issuedOn(), s.periodFrom(), s.periodTo(), s.body(),
                s.rows());
        byte[] pdf = pdfs.pdf(c);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String[] lines = new PDFTextStripper().getText(doc).split("\\R");
            // the title is there in full, over more than one line: wrapped, not cut
            assertThat(pdfText(pdf, 1)).contains(title);
            assertThat(lines).noneMatch(line -> line.contains(title));
            assertThat(lines).anyMatch(line -> line.strip().startsWith("关于青山镇") && title.startsWith(line.strip()));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(title);
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo(c.issuingOffice());
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo(c.number());
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYi.*");
            }
        }
    }

    @Test
    void aHeadingOverTwoLinesIsSetInANarrowerBoxSoThatItsLinesComeOutEven() {
        assertThat(CircularPdf.balanced("关于2027年第一季度创卫重点任务逾期情况的通报", 22)).isEqualTo("w55");
        assertThat(CircularPdf.balanced("关于逾期任务情况的通报", 22)).isEmpty();
        assertThat(CircularPdf.balanced("某某市某某区某某镇人民政府创建国家卫生乡镇工作领导小组办公室", 27)).isEqualTo("w60");
        assertThat(CircularPdf.balanced("很".repeat(60), 22)).as("three full lines").isEmpty();
        assertThat(CircularPdf.balanced("第一行\n第二行很长很长很长很长很长很长很长很长很长很长", 22)).as("its own lines").isEmpty();
    }

    @Test
    void typedTextComesOutAsTextInThePdfAndThePrintView() throws IOException {
        Circular s = small();
        String hostile = "<script>alert(1)</script> & \"x\" \u0001\u0000 ${7*7} [[${7*7}]]";
        Circular c = new Circular(s.number(), hostile, "青山镇创卫办", s.issuedOn(), null, s.periodTo(), hostile + "\n\t缩进",
                List.of(new Circular.Row(1, hostile, "任务\n第二行", "整改提升", null, 0, "", null)));
        String text = pdfText(pdfs.pdf(c), 1);
        assertThat(text).contains("<script>alert(1)</script>&\"x\"${7*7}[[${7*7}]]", "统计时段：截至2027年3月14日", "任务第二行");
        String html = pdfs.html(c);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", "[[${7*7}]]")
                .doesNotContain("<script", "style=", "\u0001", "49")
                .contains("<link rel=\"stylesheet\" href=\"/assets/document.css\"/>");
    }

    @Test
    void xlsxHasTheTableWithDatesNumbersAndNoFormulas() throws IOException {
        Circular c = small();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.xlsx(c)))) {
            XSSFSheet sheet = wb.getSheet("通报");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(c.issuingOffice());

            int headerRow = -1;
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING && "序号".equals(first.getStringCellValue())) {
                    headerRow = row.getRowNum();
                    break;
                }
            }
            assertThat(headerRow).isPositive();
            Row header = sheet.getRow(headerRow);
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                headers.add(header.getCell(i).getStringCellValue());
            }
            assertThat(headers).containsExactlyElementsOf(HEADERS);
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();

            for (int i = 0; i < c.rows().size(); i++) {
                Circular.Row r = c.rows().get(i);
                Row row = sheet.getRow(headerRow + 1 + i);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(r.seq());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(r.taskTitle());
                Cell deadline = row.getCell(4);
                assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
                assertThat(deadline.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(r.deadline());
                Cell days = row.getCell(5);
                assertThat(days.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(days.getNumericCellValue()).isEqualTo(r.workingDaysOverdue());
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(r.level());
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo(r.deputyName());
            }

            XSSFCell injected = sheet.getRow(headerRow + 1).getCell(1);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("'=SUM(A1)");
            assertThat(injected.getCTCell().isSetF()).isFalse();
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertThat(injected.getStringCellValue()).isEqualTo("'=SUM(A1)");
            assertThat(sheet.getRow(headerRow + 2).getCell(1).getStringCellValue()).isEqualTo("青山镇卫生院");

            StringBuilder all = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    all.append(cell.getStringCellValue()).append('\n');
                }
            }));
            assertThat(all).contains(c.number(), c.title(), "2027年3月15日", "各村（社区）、镇直各单位：");
        }
    }

    @Test
    void docxHasTheNoticeAndARealTable() throws IOException {
        Circular c = small();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.docx(c)))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo(c.issuingOffice());
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
            assertThat(paragraphs).contains(c.number(), c.title(), "各村（社区）、镇直各单位：", "2027年3月15日");
            assertThat(paragraphs.get(paragraphs.size() - 1)).isEqualTo("2027年3月15日");
            assertThat(paragraphs.get(paragraphs.size() - 2)).isEqualTo(c.issuingOffice());

            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(1 + c.rows().size());
            assertThat(table.getRow(0).getTableCells()).extracting(cell -> cell.getText())
                    .containsExactlyElementsOf(HEADERS);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            for (int i = 0; i < c.rows().size(); i++) {
                Circular.Row r = c.rows().get(i);
                XWPFTableRow row = table.getRow(i + 1);
                assertThat(row.getTableCells()).extracting(cell -> cell.getText()).containsExactly(
                        String.valueOf(r.seq()), Spreadsheet.neutralised(r.unitName()), r.taskTitle(), r.phaseName(),
                        r.deadline().toString(), String.valueOf(r.workingDaysOverdue()), r.level(), r.deputyName());
            }
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("'=SUM(A1)");

            // the table stands between the body and the signature
            List<IBodyElement> body = doc.getBodyElements();
            int tableAt = body.indexOf(table);
            assertThat(tableAt).isGreaterThan(paragraphs.indexOf(c.title()));
            assertThat(tableAt).isLessThan(body.size() - 2);
        }
    }
}
