package cn.chuangwei.supervision;

import cn.chuangwei.documents.Spreadsheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A circular as a Word document: A4 with the margins of GB/T 9704, the structure of the PDF, the tasks in a real table
 * whose header row repeats on every page; text cells are {@linkplain Spreadsheet#neutralised neutralised}. Needs no font.
 */
@Component
class CircularDocx {

    private static final String FANGSONG = "仿宋";
    private static final String SONG = "宋体";
    private static final String LATIN = "Times New Roman";
    /** Text width in twips: A4 (11906) less the margins of 28 and 26 mm. */
    private static final int TEXT_WIDTH = 11906 - 1588 - 1474;
    private static final int[] COLUMNS = {28, 64, 104, 48, 62, 40, 48, 48};
    /** Two characters of 16 points, in twips. */
    private static final int TWO_CHARACTERS = 2 * 16 * 20;

    private final MessageSource messages;

    CircularDocx(MessageSource messages) {
        this.messages = messages;
    }

    byte[] docx(Circular circular) {
        CircularContent c = CircularContent.of(circular, messages);
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            int chars = Math.max(1, c.office().codePointCount(0, c.office().length()));
            run(paragraph(doc, ParagraphAlignment.CENTER, 0, 600), c.office(), SONG,
                    Math.max(16, Math.min(26, Math.floor(TEXT_WIDTH / 20.0 / chars) - 1)), true, "FF0000");
            XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER, 0, 600);
            run(number, c.number(), FANGSONG, 16, false, null);
            redRule(number);
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 0, 300);
            title.setSpacingBetween(36, LineSpacingRule.EXACT);
            run(title, c.title(), SONG, 22, true, null);
            for (CircularContent.Paragraph line : c.body()) {
                XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, 0, 0);
                p.setSpacingBetween(28, LineSpacingRule.EXACT);
                if (line.indented()) {
                    p.setIndentationFirstLine(TWO_CHARACTERS);
                }
                run(p, line.text(), FANGSONG, 16, false, null);
            }
            run(paragraph(doc, ParagraphAlignment.CENTER, 300, c.period().isEmpty() ? 120 : 0), c.caption(), SONG, 15, true,
                    null);
            if (!c.period().isEmpty()) {
                run(paragraph(doc, ParagraphAlignment.CENTER, 0, 120), c.period(), FANGSONG, 10.5, false, null);
            }
            taskTable(doc, c.headers(), c.rows());
            XWPFParagraph signature = paragraph(doc, ParagraphAlignment.RIGHT, 2 * 560, 0);
            signature.setIndentationRight(TWO_CHARACTERS);
            run(signature, c.office(), FANGSONG, 16, false, null);
            XWPFParagraph date = paragraph(doc, ParagraphAlignment.RIGHT, 0, 0);
            date.setIndentationRight(TWO_CHARACTERS);
            run(date, c.date(), FANGSONG, 16, false, null);

            doc.getProperties().getCoreProperties().setTitle(c.title());
            doc.getProperties().getCoreProperties().setCreator(c.office());
            doc.getProperties().getCoreProperties().setSubjectProperty(c.number());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render circular " + c.number() + " as Word", e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, int before, int after) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    /** A4, the margins of GB/T 9704, the page number — N — in the footer. */
    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        (sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz()).setW(BigInteger.valueOf(11906));
        sect.getPgSz().setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1588));
        margins.setRight(BigInteger.valueOf(1474));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));

        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", SONG, 12, false, null);
        run(p, null, SONG, 12, false, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTText instr = run(p, null, SONG, 12, false, null).getCTR().addNewInstrText();
        instr.setStringValue(" PAGE ");
        instr.setSpace(SpaceAttribute.Space.PRESERVE);
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

    private static void taskTable(XWPFDocument doc, List<String> headers, List<Circular.Row> rows) {
        int sum = Arrays.stream(COLUMNS).sum();
        int[] widths = Arrays.stream(COLUMNS).map(w -> w * TEXT_WIDTH / sum).toArray();
        XWPFTable table = doc.createTable(1 + rows.size(), headers.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth(TEXT_WIDTH);
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
        for (int i = 0; i < headers.size(); i++) {
            XWPFTableCell cell = head.getCell(i);
            cell.setColor("E0E0E0");
            cellText(cell, headers.get(i), widths[i], true, true);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            List<String> values = CircularContent.cells(rows.get(r));
            // a row moves to the next page whole, unless it is so long that it might not fit on one
            row.setCantSplitRow(values.stream().mapToInt(String::length).sum() < 300);
            for (int i = 0; i < values.size(); i++) {
                cellText(row.getCell(i), Spreadsheet.neutralised(values.get(i)), widths[i], false, i != 1 && i != 2);
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
}
