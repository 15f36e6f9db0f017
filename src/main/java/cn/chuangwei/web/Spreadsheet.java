package cn.chuangwei.web;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes a list as an Excel sheet for download: a bold title, a bold header row from the message bundle, one row per
 * record. Numbers stay numbers; text a spreadsheet could take for a formula stays text.
 */
@Component
public class Spreadsheet {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A cell whose text comes from the message bundle in the sheet's language. */
    public record Label(String key) {
    }

    private final Texts texts;

    Spreadsheet(Texts texts) {
        this.texts = texts;
    }

    /** {@code lang} is "zh" (the default) or "en"; {@code headerKeys} are message keys. */
    public ResponseEntity<byte[]> download(String lang, String titleKey, Object[] titleArgs, List<String> headerKeys,
                                           List<List<Object>> rows) {
        Locale locale = locale(lang);
        Object[] args = java.util.Arrays.stream(titleArgs).map(a -> translate(a, locale)).toArray();
        String title = texts.get(titleKey, locale, args);
        List<List<Object>> translated = rows.stream().map(row -> row.stream()
                .map(v -> translate(v, locale)).toList()).toList();
        byte[] body = write(title, headerKeys.stream().map(k -> texts.get(k, locale)).toList(), translated);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private Object translate(Object value, Locale locale) {
        return value instanceof Label l ? texts.get(l.key(), locale) : value;
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

    static byte[] write(String title, List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // a sheet's name: none of the characters XML cannot carry, then POI's rules for Excel (no \\ / ? * [ ] :,
            // no apostrophe first or last, at most 31)
            String name = WorkbookUtil.createSafeSheetName(title.replaceAll(NOT_XML, ""), ' ');
            Sheet sheet = wb.createSheet(name.isBlank() || "null".equals(name) ? "Sheet1" : name);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row top = sheet.createRow(0);
            top.createCell(0).setCellValue(text(title));
            top.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3) * 256);
            }
            int r = 3;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        row.createCell(i).setCellValue(d.toString());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(text(v.toString()));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters XML 1.0 cannot carry (controls other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates). */
    static final String NOT_XML = "[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]";

    private static String text(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
