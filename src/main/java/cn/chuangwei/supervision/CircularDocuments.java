package cn.chuangwei.supervision;

import cn.chuangwei.documents.CjkFont;
import cn.chuangwei.documents.TextLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.stereotype.Component;

/**
 * Renders a supervision circular (督办通报) as PDF, Word (.docx) and Excel (.xlsx), laid out like an official notice
 * (公文, after GB/T 9704): the issuing office in red, the document number, a red rule, the bold title, the body, the table of
 * overdue tasks, then the issuing office and the date.
 *
 * <p>The PDF embeds a subset of the Chinese <em>TrueType</em> font {@link CjkFont} finds ({@code chuangwei.documents.font}
 * or {@code chuangwei.circular.font} when set, otherwise for instance WenQuanYi Micro Hei from the Debian/Ubuntu package
 * {@code fonts-wqy-microhei}). Without such a font {@link #pdf} fails with an {@link IllegalStateException} that says so;
 * Word and Excel need no font.
 *
 * <p>In Word and Excel a text cell that starts with {@code = + - @}, a tab or a carriage return is written with a leading
 * {@code '} so that a spreadsheet never takes it for a formula (Excel cells are string cells in any case).
 */
@Component
public class CircularDocuments {

    static final List<String> HEADERS = List.of("序号", "责任单位", "任务", "阶段", "完成时限", "逾期工作日", "督办等级", "分管领导");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private final CjkFont cjkFont;

    public CircularDocuments(CjkFont cjkFont) {
        this.cjkFont = cjkFont;
    }

    // ------------------------------------------------------------------------------------------------ shared helpers

    /** 2027年3月15日 */
    static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 统计时段：2027年3月1日至2027年3月14日, or "" without dates. */
    static String period(Circular c) {
        if (c.periodFrom() != null && c.periodTo() != null) {
            return "统计时段：" + chineseDate(c.periodFrom()) + "至" + chineseDate(c.periodTo());
        }
        if (c.periodTo() != null) {
            return "统计时段：截至" + chineseDate(c.periodTo());
        }
        if (c.periodFrom() != null) {
            return "统计时段：" + chineseDate(c.periodFrom()) + "起";
        }
        return "";
    }

    /** A value a spreadsheet would take for a formula gets a leading apostrophe. */
    static String neutralised(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static List<String> lines(String s) {
        String t = text(s).stripTrailing();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\r\n|\r|\n", -1));
    }

    private static List<Circular.Row> rows(Circular c) {
        return c.rows() == null ? List.of() : c.rows().stream().filter(Objects::nonNull).toList();
    }

    /** The cells of a table row as text, in the order of {@link #HEADERS}. */
    private static List<String> cells(Circular.Row r) {
        return List.of(String.valueOf(r.seq()), text(r.unitName()), text(r.taskTitle()), text(r.phaseName()),
                r.deadline() == null ? "" : r.deadline().format(ISO), String.valueOf(r.workingDaysOverdue()),
                text(r.level()), text(r.deputyName()));
    }

    /** The first body line that is an addressee line (各村（社区）、镇直各单位：) is not indented, like 主送机关 in a 公文. */
    private static boolean indented(String line, boolean firstLine) {
        if (line.isEmpty() || Character.isWhitespace(line.codePointAt(0)) || line.charAt(0) == '\u3000') {
            return false;
        }
        return !(firstLine && (line.endsWith("：") || line.endsWith(":")));
    }

    // ---------------------------------------------------------------------------------------------------------- PDF

    /** The circular as an A4 PDF with an embedded subset of a Chinese font. */
    public byte[] pdf(Circular c) {
        try (PDDocument doc = new PDDocument()) {
            new PdfLayout(doc, cjkFont.load(doc)).render(c);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text(c.title()));
            info.setAuthor(text(c.issuingOffice()));
            info.setSubject(text(c.number()));
            info.setCreator("Chuangwei 创卫");
            doc.getDocumentCatalog().setLanguage("zh-CN");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render circular " + c.number() + " as PDF", e);
        }
    }

    /** Lays out one circular on A4 pages with the margins of GB/T 9704 (top 37 mm, left 28 mm, right 26 mm, bottom 35 mm). */
    private static final class PdfLayout {
        private static final float MM = 72f / 25.4f;
        private static final PDRectangle PAGE = PDRectangle.A4;
        private static final float LEFT = 28 * MM;
        private static final float RIGHT = PAGE.getWidth() - 26 * MM;
        private static final float TOP = PAGE.getHeight() - 37 * MM;
        private static final float BOTTOM = 35 * MM;
        private static final float WIDTH = RIGHT - LEFT;
        private static final float[] RED = {0.85f, 0f, 0f};
        private static final float[] BLACK = {0f, 0f, 0f};

        private static final float BODY = 14f;
        private static final float BODY_LEADING = 25f;
        private static final float CELL = 9.5f;
        private static final float CELL_LEADING = 13f;
        private static final float PAD_X = 3f;
        private static final float PAD_Y = 4f;
        /** Column widths in points (they add up to the text width). */
        private static final float[] COLUMNS = {26, 68, 116, 48, 56, 36, 46, 46};
        /** The header labels, with the break the narrow column wants. */
        private static final List<String> HEADER_LABELS = List.of("序号", "责任单位", "任务", "阶段", "完成时限", "逾期\n工作日",
                "督办等级", "分管领导");
        private static final boolean[] CENTERED = {true, false, false, true, true, true, true, true};

        private final PDDocument doc;
        private final TextLayout layout;
        private PDPageContentStream cs;
        private float y;
        private int pageNo;
        private List<List<String>> header;

        PdfLayout(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.layout = new TextLayout(font, false);
        }

        void render(Circular c) throws IOException {
            newPage();

            // 发文机关标志: red, centered, as large as fits on one line
            String office = layout.clean(c.issuingOffice());
            float size = 26f;
            while (size > 16f && layout.width(office, size) > WIDTH) {
                size -= 0.5f;
            }
            for (String line : balanced(office, size)) {
                centered(line, size, size * 1.35f, true, RED);
            }
            y -= 24f;

            // 发文字号, then the red rule
            if (!text(c.number()).isBlank()) {
                centered(layout.clean(c.number()), 15f, 22f, false, BLACK);
            }
            y -= 6f;
            cs.setStrokingColor(RED[0], RED[1], RED[2]);
            cs.setLineWidth(2f);
            cs.moveTo(LEFT, y);
            cs.lineTo(RIGHT, y);
            cs.stroke();
            y -= 30f;

            // 标题
            for (String para : lines(c.title())) {
                for (String line : balanced(layout.clean(para), 20f)) {
                    centered(line, 20f, 32f, true, BLACK);
                }
            }
            y -= 12f;

            // 正文, keeping its line breaks
            boolean first = true;
            for (String para : lines(c.body())) {
                String t = layout.clean(para);
                if (t.isBlank()) {
                    y -= BODY_LEADING;
                    continue;
                }
                boolean indent = indented(t, first);
                first = false;
                float firstIndent = indent ? 2 * BODY : 0;
                List<String> wrapped = layout.wrap(t, BODY, WIDTH - firstIndent, WIDTH);
                for (int i = 0; i < wrapped.size(); i++) {
                    need(BODY_LEADING);
                    float x = LEFT + (i == 0 ? firstIndent : 0);
                    layout.show(cs, wrapped.get(i), x, baseline(BODY_LEADING, BODY), BODY, false, BLACK);
                    y -= BODY_LEADING;
                }
            }

            table(c);

            // 发文机关署名 and 成文日期, right-aligned two characters in from the margin, kept together
            y -= 2 * BODY_LEADING;
            need(2 * BODY_LEADING);
            for (String line : List.of(layout.clean(c.issuingOffice()), chineseDate(c.issuedOn()))) {
                float w = layout.width(line, BODY);
                float x = Math.max(LEFT, RIGHT - 2 * BODY - w);
                if (x + w > RIGHT) {
                    x = RIGHT - w;
                }
                layout.show(cs, line, Math.max(LEFT, x), baseline(BODY_LEADING, BODY), BODY, false, BLACK);
                y -= BODY_LEADING;
            }
            closePage();
        }

        private void table(Circular c) throws IOException {
            float[] widths = columns();
            header = new ArrayList<>();
            for (int i = 0; i < HEADER_LABELS.size(); i++) {
                List<String> label = new ArrayList<>();
                for (String part : HEADER_LABELS.get(i).split("\n")) {
                    label.addAll(layout.wrap(part, CELL, widths[i] - 2 * PAD_X, widths[i] - 2 * PAD_X));
                }
                header.add(label);
            }
            String period = period(c);
            // the caption, the header and a first row start on the same page
            need(30f + (period.isEmpty() ? 0 : 20f) + rowHeight(header) + 2 * PAD_Y + CELL_LEADING + 10f);
            y -= 10f;
            centered("逾期任务清单", 15f, 26f, true, BLACK);
            if (!period.isEmpty()) {
                centered("（" + period + "）", 10.5f, 20f, false, BLACK);
            }
            y -= 4f;
            List<Circular.Row> rows = rows(c);
            drawRow(header, 0, lineCount(header), true, true);
            if (rows.isEmpty()) {
                need(BODY_LEADING);
                centered("（本期无逾期任务）", CELL, BODY_LEADING, false, BLACK);
                return;
            }
            for (Circular.Row r : rows) {
                List<String> values = cells(r);
                List<List<String>> cells = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    float w = widths[i] - 2 * PAD_X;
                    cells.add(layout.wrap(layout.clean(values.get(i)), CELL, w, w));
                }
                row(cells);
            }
        }

        /** A table row, on the next page if it does not fit here; a row taller than a page is split over pages. */
        private void row(List<List<String>> cells) throws IOException {
            int n = lineCount(cells);
            float freshRoom = TOP - BOTTOM - rowHeight(header);
            boolean fitsFreshPage = rowHeight(cells) <= freshRoom;
            int start = 0;
            boolean fresh = false;
            while (start < n) {
                int fit = (int) Math.floor((y - BOTTOM - 2 * PAD_Y) / CELL_LEADING);
                if (!fresh && (fit < 1 || (start == 0 && fit < n && fitsFreshPage))) {
                    newPage();
                    drawRow(header, 0, lineCount(header), true, true);
                    fresh = true;
                    continue;
                }
                int take = Math.max(1, Math.min(fit, n - start));
                drawRow(cells, start, take, false, start == 0 && take == n);
                start += take;
                fresh = false;
            }
        }

        private void drawRow(List<List<String>> cells, int from, int count, boolean isHeader, boolean centerVertically)
                throws IOException {
            float[] widths = columns();
            float h = 2 * PAD_Y + count * CELL_LEADING;
            float top = y;
            if (isHeader) {
                cs.setNonStrokingColor(0.88f, 0.88f, 0.88f);
                cs.addRect(LEFT, top - h, WIDTH, h);
                cs.fill();
            }
            cs.setStrokingColor(0f, 0f, 0f);
            cs.setLineWidth(0.6f);
            float x = LEFT;
            for (float w : widths) {
                cs.addRect(x, top - h, w, h);
                x += w;
            }
            cs.stroke();
            x = LEFT;
            for (int col = 0; col < widths.length; col++) {
                List<String> lines = cells.get(col);
                List<String> slice = lines.subList(Math.min(from, lines.size()), Math.min(from + count, lines.size()));
                float offset = centerVertically ? (count - slice.size()) * CELL_LEADING / 2 : 0;
                for (int j = 0; j < slice.size(); j++) {
                    String line = slice.get(j);
                    float lineTop = top - PAD_Y - offset - j * CELL_LEADING;
                    float base = lineTop - CELL_LEADING / 2 - 0.38f * CELL;
                    float tx = CENTERED[col] || isHeader
                            ? x + (widths[col] - layout.width(line, CELL)) / 2
                            : x + PAD_X;
                    layout.show(cs, line, tx, base, CELL, isHeader, BLACK);
                }
                x += widths[col];
            }
            y -= h;
        }

        private static int lineCount(List<List<String>> cells) {
            return Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
        }

        private static float rowHeight(List<List<String>> cells) {
            return 2 * PAD_Y + lineCount(cells) * CELL_LEADING;
        }

        private static float[] columns() {
            float sum = 0;
            for (float w : COLUMNS) {
                sum += w;
            }
            float[] scaled = new float[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                scaled[i] = COLUMNS[i] * WIDTH / sum;
            }
            return scaled;
        }

        // -- pages and text

        private void newPage() throws IOException {
            if (cs != null) {
                closePage();
            }
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pageNo++;
            y = TOP;
        }

        /** Closes the page with its number, — 1 —, under the text area. */
        private void closePage() throws IOException {
            String n = layout.clean("— " + pageNo + " —");
            float size = 12f;
            layout.show(cs, n, LEFT + (WIDTH - layout.width(n, size)) / 2, BOTTOM - 7 * MM - size, size, false, BLACK);
            cs.close();
            cs = null;
        }

        private void need(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private float baseline(float leading, float size) {
            return y - leading / 2 - 0.38f * size;
        }

        private void centered(String line, float size, float leading, boolean bold, float[] color) throws IOException {
            need(leading);
            float x = LEFT + (WIDTH - layout.width(line, size)) / 2;
            layout.show(cs, line, x, baseline(leading, size), size, bold, color);
            y -= leading;
        }

        /** Centered lines of even length: a title that needs two lines does not leave one character on the second. */
        private List<String> balanced(String paragraph, float size) throws IOException {
            List<String> lines = layout.wrap(paragraph, size, WIDTH, WIDTH);
            if (lines.size() < 2) {
                return lines;
            }
            float low = WIDTH / lines.size();
            float high = WIDTH;
            while (high - low > 1f) {
                float mid = (low + high) / 2;
                if (layout.wrap(paragraph, size, mid, mid).size() > lines.size()) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return layout.wrap(paragraph, size, high, high);
        }
    }

    // --------------------------------------------------------------------------------------------------------- Word

    private static final String FANGSONG = "仿宋";
    private static final String SONG = "宋体";
    private static final String LATIN = "Times New Roman";
    /** Text width in twips: A4 (11906) less the margins of 28 and 26 mm. */
    private static final int DOCX_TEXT_WIDTH = 11906 - 1588 - 1474;
    private static final int[] DOCX_COLUMNS = {28, 64, 104, 48, 62, 40, 48, 48};

    /** The circular as a Word document (A4, the same structure as the PDF, the tasks in a real table). */
    public byte[] docx(Circular c) {
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);

            XWPFParagraph office = doc.createParagraph();
            office.setAlignment(ParagraphAlignment.CENTER);
            office.setSpacingAfter(600);
            int chars = Math.max(1, text(c.issuingOffice()).codePointCount(0, text(c.issuingOffice()).length()));
            double officeSize = Math.max(16, Math.min(26, Math.floor(DOCX_TEXT_WIDTH / 20.0 / chars) - 1));
            run(office, text(c.issuingOffice()), SONG, officeSize, true, "FF0000");

            XWPFParagraph number = doc.createParagraph();
            number.setAlignment(ParagraphAlignment.CENTER);
            number.setSpacingAfter(600);
            run(number, text(c.number()), FANGSONG, 16, false, null);
            redRule(number);

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(300);
            title.setSpacingBetween(36, LineSpacingRule.EXACT);
            run(title, text(c.title()), SONG, 22, true, null);

            boolean first = true;
            for (String line : lines(c.body())) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setSpacingAfter(0);
                p.setSpacingBetween(28, LineSpacingRule.EXACT);
                if (!line.isBlank()) {
                    if (indented(line, first)) {
                        p.setIndentationFirstLine(2 * 16 * 20);
                    }
                    first = false;
                }
                run(p, line, FANGSONG, 16, false, null);
            }

            XWPFParagraph caption = doc.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            caption.setSpacingBefore(300);
            caption.setSpacingAfter(period(c).isEmpty() ? 120 : 0);
            run(caption, "逾期任务清单", SONG, 15, true, null);
            if (!period(c).isEmpty()) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingAfter(120);
                run(p, "（" + period(c) + "）", FANGSONG, 10.5, false, null);
            }

            taskTable(doc, rows(c));

            XWPFParagraph signature = doc.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            signature.setIndentationRight(2 * 16 * 20);
            signature.setSpacingBefore(2 * 560);
            signature.setSpacingAfter(0);
            run(signature, text(c.issuingOffice()), FANGSONG, 16, false, null);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationRight(2 * 16 * 20);
            run(date, chineseDate(c.issuedOn()), FANGSONG, 16, false, null);

            doc.getProperties().getCoreProperties().setTitle(text(c.title()));
            doc.getProperties().getCoreProperties().setCreator(text(c.issuingOffice()));
            doc.getProperties().getCoreProperties().setSubjectProperty(text(c.number()));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render circular " + c.number() + " as Word", e);
        }
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1588));
        margins.setRight(BigInteger.valueOf(1474));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));

        // page number — N — in the footer
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", SONG, 12, false, null);
        run(p, null, SONG, 12, false, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTText instr = run(p, null, SONG, 12, false, null).getCTR().addNewInstrText();
        instr.setStringValue(" PAGE ");
        instr.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        run(p, null, SONG, 12, false, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", SONG, 12, false, null);
        run(p, null, SONG, 12, false, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", SONG, 12, false, null);
    }

    /** The red rule under the document number (版头中的分隔线), as the paragraph's bottom border. */
    private static void redRule(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTBorder bottom = (ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr()).addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(16));
        bottom.setSpace(BigInteger.valueOf(8));
        bottom.setColor("FF0000");
    }

    private static void taskTable(XWPFDocument doc, List<Circular.Row> rows) {
        int[] widths = new int[DOCX_COLUMNS.length];
        int sum = Arrays.stream(DOCX_COLUMNS).sum();
        for (int i = 0; i < widths.length; i++) {
            widths[i] = DOCX_COLUMNS[i] * DOCX_TEXT_WIDTH / sum;
        }
        XWPFTable table = doc.createTable(1 + rows.size(), HEADERS.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth(DOCX_TEXT_WIDTH);
        table.setCellMargins(40, 60, 40, 60);
        CTTblPr tblPr = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr() : table.getCTTbl().addNewTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }

        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int i = 0; i < HEADERS.size(); i++) {
            XWPFTableCell cell = head.getCell(i);
            cell.setColor("E0E0E0");
            cellText(cell, HEADERS.get(i), widths[i], true, true);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            List<String> values = cells(rows.get(r));
            // a row moves to the next page whole, unless it is so long that it might not fit on one
            row.setCantSplitRow(values.stream().mapToInt(String::length).sum() < 300);
            for (int i = 0; i < values.size(); i++) {
                cellText(row.getCell(i), neutralised(values.get(i)), widths[i], false, i != 1 && i != 2);
            }
        }
    }

    private static void cellText(XWPFTableCell cell, String value, int width, boolean bold, boolean centered) {
        cell.setWidth(String.valueOf(width));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(centered ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0);
        run(p, value, SONG, 10, bold, null);
    }

    /** A run in a Chinese font with Latin letters and digits in Times New Roman; line breaks become Word line breaks. */
    private static XWPFRun run(XWPFParagraph p, String value, String fontName, double size, boolean bold, String color) {
        XWPFRun r = p.createRun();
        r.setFontFamily(fontName, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.cs);
        r.setFontSize(size);
        r.setBold(bold);
        if (color != null) {
            r.setColor(color);
        }
        if (value != null) {
            List<String> parts = Arrays.asList(value.split("\r\n|\r|\n", -1));
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    r.addBreak();
                }
                r.setText(parts.get(i).replace('\t', ' '), i);
            }
        }
        return r;
    }

    // -------------------------------------------------------------------------------------------------------- Excel

    /** Widths of the table's columns, in characters. */
    private static final int[] XLSX_COLUMNS = {6, 20, 40, 14, 12, 11, 11, 11};

    /** The circular as a workbook with one sheet, 通报: the heading rows, then the tasks as a table with a header row. */
    public byte[] xlsx(Circular c) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("通报");
            for (int i = 0; i < XLSX_COLUMNS.length; i++) {
                sheet.setColumnWidth(i, XLSX_COLUMNS[i] * 256);
            }
            int last = XLSX_COLUMNS.length - 1;
            int totalWidth = Arrays.stream(XLSX_COLUMNS).sum();

            XSSFCellStyle officeStyle = style(wb, 18, true, true, HorizontalAlignment.CENTER, false);
            XSSFCellStyle numberStyle = style(wb, 12, false, false, HorizontalAlignment.CENTER, false);
            XSSFCellStyle titleStyle = style(wb, 15, true, false, HorizontalAlignment.CENTER, false);
            titleStyle.setWrapText(true);
            XSSFCellStyle bodyStyle = style(wb, 11, false, false, HorizontalAlignment.LEFT, false);
            bodyStyle.setWrapText(true);
            bodyStyle.setVerticalAlignment(VerticalAlignment.TOP);
            XSSFCellStyle captionStyle = style(wb, 12, true, false, HorizontalAlignment.CENTER, false);
            XSSFCellStyle periodStyle = style(wb, 10, false, false, HorizontalAlignment.CENTER, false);
            XSSFCellStyle headerStyle = style(wb, 11, true, false, HorizontalAlignment.CENTER, true);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setWrapText(true);
            XSSFCellStyle textStyle = style(wb, 11, false, false, HorizontalAlignment.LEFT, true);
            textStyle.setWrapText(true);
            XSSFCellStyle centerStyle = style(wb, 11, false, false, HorizontalAlignment.CENTER, true);
            centerStyle.setWrapText(true);
            XSSFCellStyle dateStyle = style(wb, 11, false, false, HorizontalAlignment.CENTER, true);
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            XSSFCellStyle intStyle = style(wb, 11, false, false, HorizontalAlignment.CENTER, true);
            intStyle.setDataFormat(wb.createDataFormat().getFormat("0"));
            XSSFCellStyle signatureStyle = style(wb, 12, false, false, HorizontalAlignment.RIGHT, false);

            int r = 0;
            r = banner(sheet, r, text(c.issuingOffice()), officeStyle, 32, last);
            r = banner(sheet, r, text(c.number()), numberStyle, 20, last);
            XSSFCellStyle ruled = wb.createCellStyle();
            ruled.setBorderTop(BorderStyle.THICK);
            ruled.setTopBorderColor(IndexedColors.RED.getIndex());
            XSSFRow rule = sheet.createRow(r++);
            rule.setHeightInPoints(6);
            for (int i = 0; i <= last; i++) {
                rule.createCell(i).setCellStyle(ruled);
            }
            r = banner(sheet, r, text(c.title()), titleStyle, 22 * linesNeeded(c.title(), totalWidth, 15) + 4, last);
            for (String line : lines(c.body())) {
                r = banner(sheet, r, line, bodyStyle, line.isBlank() ? 8 : 15 * linesNeeded(line, totalWidth, 11) + 3, last);
            }
            r++;
            r = banner(sheet, r, "逾期任务清单", captionStyle, 20, last);
            if (!period(c).isEmpty()) {
                r = banner(sheet, r, "（" + period(c) + "）", periodStyle, 16, last);
            }

            int headerRow = r;
            XSSFRow head = sheet.createRow(r++);
            head.setHeightInPoints(30);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(headerStyle);
            }
            for (Circular.Row task : rows(c)) {
                XSSFRow row = sheet.createRow(r++);
                int lines = Math.max(linesNeeded(task.unitName(), XLSX_COLUMNS[1], 11),
                        Math.max(linesNeeded(task.taskTitle(), XLSX_COLUMNS[2], 11),
                                linesNeeded(task.phaseName(), XLSX_COLUMNS[3], 11)));
                row.setHeightInPoints(15 * lines + 5);
                Cell seq = row.createCell(0);
                seq.setCellValue(task.seq());
                seq.setCellStyle(intStyle);
                textCell(row, 1, task.unitName(), textStyle);
                textCell(row, 2, task.taskTitle(), textStyle);
                textCell(row, 3, task.phaseName(), centerStyle);
                Cell deadline = row.createCell(4);
                if (task.deadline() != null) {
                    deadline.setCellValue(task.deadline());
                }
                deadline.setCellStyle(dateStyle);
                Cell days = row.createCell(5);
                days.setCellValue(task.workingDaysOverdue());
                days.setCellStyle(intStyle);
                textCell(row, 6, task.level(), centerStyle);
                textCell(row, 7, task.deputyName(), centerStyle);
            }
            if (r - 1 > headerRow) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, last));
            }
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));

            r++;
            r = banner(sheet, r, text(c.issuingOffice()), signatureStyle, 20, last);
            banner(sheet, r, chineseDate(c.issuedOn()), signatureStyle, 20, last);

            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(false);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
            wb.getProperties().getCoreProperties().setTitle(text(c.title()));
            wb.getProperties().getCoreProperties().setCreator(text(c.issuingOffice()));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render circular " + c.number() + " as Excel", e);
        }
    }

    private static XSSFCellStyle style(XSSFWorkbook wb, int points, boolean bold, boolean red,
                                       HorizontalAlignment align, boolean bordered) {
        XSSFFont font = wb.createFont();
        font.setFontName(SONG);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        if (red) {
            font.setColor(IndexedColors.RED.getIndex());
        }
        XSSFCellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /** A row whose text spans all the table's columns. */
    private static int banner(XSSFSheet sheet, int r, String value, CellStyle style, float height, int last) {
        XSSFRow row = sheet.createRow(r);
        row.setHeightInPoints(height);
        textCell(row, 0, value, style);
        for (int i = 1; i <= last; i++) {
            row.createCell(i).setCellStyle(style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
        return r + 1;
    }

    /** A string cell; a value a spreadsheet would read as a formula gets a leading apostrophe. */
    private static void textCell(XSSFRow row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(neutralised(text(value)));
        cell.setCellStyle(style);
    }

    /** Lines a text needs in a column of the given width (in characters of the default 11-point font). */
    private static int linesNeeded(String s, int widthChars, int points) {
        double units = 0;
        for (int cp : text(s).codePoints().toArray()) {
            units += cp < 0x1100 ? 1.1 : 2.0;
        }
        double perLine = Math.max(1, (widthChars - 1) * 11.0 / points);
        return Math.max(1, (int) Math.ceil(units / perLine));
    }
}
