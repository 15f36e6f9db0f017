package cn.chuangwei.documents;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one writer of Excel workbooks. A workbook has one A4 sheet written from the top down ({@link Sheet}): lines of
 * text across the whole width, a red rule, a table with a bold header row that repeats on every printed page. In a table
 * numbers stay numbers and dates are dates (a date format, not text); text a spreadsheet could take for a formula stays
 * text ({@link #neutralised}); each column is as wide as its widest cell, a Chinese character counting two, up to
 * {@link #MAX_WIDTH} (longer text wraps). {@link #download} writes a list for download: a title, a header row from the
 * message bundle, one row per record, a {@link Label} in the reader's language and a {@link Person} by name.
 */
@Component
public class Spreadsheet {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A cell whose text comes from the message bundle in the sheet's language. */
    public record Label(String key) {
    }

    /** A cell naming a person: written as their name in the directory (李镇长), never as their user id. */
    public record Person(String userId) {
    }

    /** The narrowest and widest a fitted column gets, in characters (a Chinese character is two). */
    static final int MIN_WIDTH = 6;
    static final int MAX_WIDTH = 50;

    /** How a line of text looks: size in points, bold, red, aligned left, centred or right. */
    public record Style(int points, boolean bold, boolean red, HorizontalAlignment align) {
    }

    private static final Style TITLE = new Style(12, true, false, HorizontalAlignment.LEFT);
    private static final Style CELL = new Style(11, false, false, HorizontalAlignment.LEFT);

    private final Texts texts;
    private final Directory directory;

    Spreadsheet(Texts texts, Directory directory) {
        this.texts = texts;
        this.directory = directory;
    }

    /**
     * The text as a spreadsheet cell or a Word table may hold it: one that starts with {@code = + - @}, a tab or a
     * carriage return gets a leading apostrophe, so that no spreadsheet takes it for a formula; null becomes "".
     */
    public static String neutralised(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** {@code lang} is "zh" (the default) or "en"; {@code headerKeys} are message keys. */
    public ResponseEntity<byte[]> download(String lang, String titleKey, Object[] titleArgs, List<String> headerKeys,
                                           List<List<Object>> rows) {
        Locale locale = locale(lang);
        Map<String, String> names = new HashMap<>();
        Object[] args = Arrays.stream(titleArgs).map(a -> translate(a, locale, names)).toArray();
        String title = texts.get(titleKey, locale, args);
        List<List<Object>> translated = rows.stream().map(row -> row.stream()
                .map(v -> translate(v, locale, names)).toList()).toList();
        byte[] body = write(title, headerKeys.stream().map(k -> texts.get(k, locale)).toList(), translated);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private Object translate(Object value, Locale locale, Map<String, String> names) {
        if (value instanceof Label l) {
            return texts.get(l.key(), locale);
        }
        if (value instanceof Person p) {
            return p.userId() == null ? null : names.computeIfAbsent(p.userId(), directory::displayName);
        }
        return value;
    }

    static Locale locale(String lang) {
        if (lang == null || lang.isBlank() || lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Texts.ZH;
        }
        if (lang.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Texts.EN;
        }
        throw ApiException.badRequest("invalid-choice", "lang", "lang", lang, "zh, en");
    }

    /** A list: the title, an empty row, the table, its columns fitted to their cells. */
    static byte[] write(String title, List<String> headers, List<List<Object>> rows) {
        return workbook(title, fit(headers, rows, new int[0]), title, "", sheet -> sheet.line(title, TITLE).gap()
                .table(headers, new boolean[headers.size()], rows));
    }

    /**
     * Column widths in characters for a table: each column as wide as its widest cell or header as the table writes it
     * ({@link #displayWidth}, plus a margin), at least {@code minimums[i]} (when given) and {@link #MIN_WIDTH}, at most
     * {@link #MAX_WIDTH}: a longer text wraps.
     */
    public static int[] fit(List<String> headers, List<List<Object>> rows, int[] minimums) {
        int columns = headers.size();
        for (List<Object> row : rows) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            int widest = i < headers.size() ? displayWidth(headers.get(i)) : 0;
            for (List<Object> row : rows) {
                if (i < row.size()) {
                    widest = Math.max(widest, displayWidth(shown(row.get(i))));
                }
            }
            int min = Math.max(MIN_WIDTH, i < minimums.length ? minimums[i] : 0);
            // a margin of two and a twentieth: a Chinese character is a little wider than two digits of the default font
            widths[i] = Math.min(MAX_WIDTH, Math.max(min, widest + 2 + widest / 20));
        }
        return widths;
    }

    /** A cell's value as the sheet shows it, for measuring: a date as yyyy-mm-dd, a number as written. */
    private static String shown(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            return String.valueOf(((Number) v).doubleValue());
        }
        return v.toString();
    }

    /**
     * How many character widths a text takes in a sheet: a Chinese (CJK, full-width) character two, any other one; the
     * longest line of a text with line breaks.
     */
    public static int displayWidth(String s) {
        int widest = 0;
        for (String line : s.split("\n", -1)) {
            int w = 0;
            for (int cp : line.codePoints().toArray()) {
                w += wide(cp) ? 2 : 1;
            }
            widest = Math.max(widest, w);
        }
        return widest;
    }

    /** East Asian wide and full-width characters: Hangul Jamo, CJK and its punctuation, Hangul, full-width forms. */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000);
    }

    /**
     * A workbook of one sheet named after {@code name} (made safe: no character XML cannot carry, Excel's rules),
     * columns {@code widths} characters wide, printed on A4 fitted to the page's width; {@code title} and
     * {@code author} become its properties.
     */
    public static byte[] workbook(String name, int[] widths, String title, String author, Consumer<Sheet> content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // no line break or tab (the print titles' and the filter's references to the sheet cannot carry them), no
            // apostrophe first or last, none of \ / ? * [ ] :, at most 31 characters
            String safe = WorkbookUtil.createSafeSheetName(XmlText.clean(name == null ? "" : name)
                    .replaceAll("[\\t\\n\\r]", " "), ' ');
            XSSFSheet sheet = wb.createSheet(safe.isBlank() || "null".equals(safe) ? "Sheet1" : safe);
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            content.accept(new Sheet(wb, sheet, widths));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
            wb.getProperties().getCoreProperties().setTitle(XmlText.clean(text(title)));
            wb.getProperties().getCoreProperties().setCreator(XmlText.clean(text(author)));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** A sheet being written, row after row. */
    public static final class Sheet {

        private final XSSFWorkbook wb;
        private final XSSFSheet sheet;
        private final int[] widths;
        private final Map<String, XSSFCellStyle> styles = new HashMap<>();
        private int next;

        private Sheet(XSSFWorkbook wb, XSSFSheet sheet, int[] widths) {
            this.wb = wb;
            this.sheet = sheet;
            this.widths = widths;
        }

        /** A line of text across all the columns, wrapped, as high as its text needs. */
        public Sheet line(String value, Style style) {
            XSSFRow row = sheet.createRow(next);
            String v = text(value);
            row.setHeightInPoints(v.isBlank() ? 8 : style.points() * 1.45f * linesNeeded(v, Arrays.stream(widths).sum(),
                    style.points()) + 6);
            XSSFCellStyle look = style(style, false, null);
            textCell(row, 0, v, look);
            for (int i = 1; i < widths.length; i++) {
                row.createCell(i).setCellStyle(look);
            }
            if (widths.length > 1) {
                sheet.addMergedRegion(new CellRangeAddress(next, next, 0, widths.length - 1));
            }
            next++;
            return this;
        }

        /** An empty row. */
        public Sheet gap() {
            next++;
            return this;
        }

        /** A thick red line across all the columns, as under an official document's number. */
        public Sheet rule() {
            XSSFRow row = sheet.createRow(next++);
            row.setHeightInPoints(6);
            XSSFCellStyle ruled = styles.computeIfAbsent("rule", k -> {
                XSSFCellStyle style = wb.createCellStyle();
                style.setBorderTop(BorderStyle.THICK);
                style.setTopBorderColor(IndexedColors.RED.getIndex());
                return style;
            });
            for (int i = 0; i < widths.length; i++) {
                row.createCell(i).setCellStyle(ruled);
            }
            return this;
        }

        /**
         * A table with a bold header row, the columns {@code centered} centred: numbers as numbers, {@link LocalDate}s
         * as dates (yyyy-mm-dd), anything else as neutralised text. The header row repeats on every printed page and
         * carries a filter.
         */
        public Sheet table(List<String> headers, boolean[] centered, List<List<Object>> rows) {
            int headerRow = next;
            XSSFRow head = sheet.createRow(next++);
            head.setHeightInPoints(30);
            for (int i = 0; i < headers.size(); i++) {
                textCell(head, i, headers.get(i), style(new Style(11, true, false, HorizontalAlignment.CENTER), true, null));
            }
            for (List<Object> values : rows) {
                XSSFRow row = sheet.createRow(next++);
                int lines = 1;
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    Style look = i < centered.length && centered[i] ? new Style(11, false, false, HorizontalAlignment.CENTER)
                            : CELL;
                    Cell cell = row.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(style(look, true, v instanceof Integer || v instanceof Long ? "0" : null));
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(style(look, true, "yyyy-mm-dd"));
                    } else {
                        String text = v == null ? "" : v.toString();
                        textCell(row, i, text, style(look, true, null));
                        lines = Math.max(lines, linesNeeded(text, i < widths.length ? widths[i] : 10, 11));
                    }
                }
                row.setHeightInPoints(15 * lines + 5);
            }
            if (next - 1 > headerRow) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, next - 1, 0, headers.size() - 1));
            }
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            return this;
        }

        /** One cell style per look: table cells have borders (a header a grey fill), numbers and dates a format. */
        private XSSFCellStyle style(Style s, boolean bordered, String format) {
            return styles.computeIfAbsent(s + "/" + bordered + "/" + format, k -> {
                XSSFFont font = wb.createFont();
                font.setFontName("宋体");
                font.setFontHeightInPoints((short) s.points());
                font.setBold(s.bold());
                if (s.red()) {
                    font.setColor(IndexedColors.RED.getIndex());
                }
                XSSFCellStyle style = wb.createCellStyle();
                style.setFont(font);
                style.setAlignment(s.align());
                style.setVerticalAlignment(VerticalAlignment.CENTER);
                style.setWrapText(true);
                if (bordered) {
                    style.setBorderTop(BorderStyle.THIN);
                    style.setBorderBottom(BorderStyle.THIN);
                    style.setBorderLeft(BorderStyle.THIN);
                    style.setBorderRight(BorderStyle.THIN);
                    if (s.bold()) {
                        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    }
                }
                if (format != null) {
                    style.setDataFormat(wb.createDataFormat().getFormat(format));
                }
                return style;
            });
        }

        private static void textCell(XSSFRow row, int col, String value, XSSFCellStyle style) {
            Cell cell = row.createCell(col);
            cell.setCellValue(neutralised(value));
            cell.setCellStyle(style);
        }

        /**
         * Lines a text needs in a column {@code widthChars} characters of the 11-point font wide (a Chinese character
         * reckoned a little wider than two digits, as {@link #fit} does).
         */
        private static int linesNeeded(String s, int widthChars, int points) {
            double perLine = Math.max(1, (widthChars - 1) * 11.0 / points);
            int lines = 0;
            for (String line : s.split("\n", -1)) {
                lines += Math.max(1, (int) Math.ceil(displayWidth(line) * 1.05 / perLine));
            }
            return Math.max(1, lines);
        }
    }
}
