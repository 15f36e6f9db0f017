package cn.chuangwei.task;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.documents.DropDowns;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The blank decomposition table a campaign's office fills in and uploads: the headers {@link DecompositionFile} reads
 * (Chinese), one example row, and drop-down lists (data validation) of the phases that take rows now, the campaign's
 * units and the standard's areas by name, 是/否, and the days a deadline may fall on. The lists live on a hidden sheet.
 */
final class DecompositionTemplate {

    /** The template's columns, as fields of {@link DecompositionFile#HEADERS}, and their widths in characters. */
    static final List<String> FIELDS = List.of("phase", "title", "target", "unit", "deadline", "critical", "area");
    private static final int[] WIDTHS = {14, 40, 50, 24, 14, 10, 24};

    private DecompositionTemplate() {
    }

    /**
     * @param windows the phases that take rows now and their deadlines' days (see {@link TaskRowService#openWindows})
     * @param areas the standard's areas, code → Chinese name
     */
    static byte[] write(List<CampaignUnit> units, Map<Phase, DateRange> windows, Map<String, String> areas,
                        Texts texts, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(texts.get("page.import.sheet", locale));
            List<String> phases = windows.keySet().stream().map(Phase::zh).toList();
            List<String> unitNames = units.stream().map(CampaignUnit::name).toList();
            List<String> yesNo = List.of("是", "否");
            List<String> areaNames = List.copyOf(areas.values());
            DropDowns lists = new DropDowns(wb, texts.get("page.import.invalid", locale),
                    texts.get("page.import.invalid.list", locale))
                    .list("phases", phases).list("units", unitNames).list("yesno", yesNo).list("areas", areaNames);

            XSSFCellStyle header = DropDowns.headerStyle(wb);
            XSSFCellStyle date = DropDowns.dateStyle(wb);
            XSSFRow head = sheet.createRow(0);
            for (int c = 0; c < FIELDS.size(); c++) {
                head.createCell(c).setCellValue(DecompositionFile.HEADERS.get(FIELDS.get(c)).get(0));
                head.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 1);

            // the example row: the first phase that takes rows, its first day, the first unit and area
            Map.Entry<Phase, DateRange> first = windows.entrySet().stream().findFirst().orElse(null);
            XSSFRow example = sheet.createRow(1);
            example.createCell(0).setCellValue(first == null ? "" : first.getKey().zh());
            example.createCell(1).setCellValue(texts.get("page.import.example.title", locale));
            example.createCell(2).setCellValue(texts.get("page.import.example.target", locale));
            example.createCell(3).setCellValue(unitNames.isEmpty() ? "" : unitNames.get(0));
            if (first != null) {
                example.createCell(4).setCellValue(first.getValue().start());
                example.getCell(4).setCellStyle(date);
            }
            example.createCell(5).setCellValue("否");
            example.createCell(6).setCellValue(areaNames.isEmpty() ? "" : areaNames.get(0));

            DataValidationHelper helper = sheet.getDataValidationHelper();
            int last = 2000;
            lists.apply(sheet, "phases", 0, 1, last);
            lists.apply(sheet, "units", 3, 1, last);
            lists.apply(sheet, "yesno", 5, 1, last);
            lists.apply(sheet, "areas", 6, 1, last);
            LocalDate from = windows.values().stream().map(DateRange::start).min(LocalDate::compareTo).orElse(null);
            LocalDate to = windows.values().stream().map(DateRange::end).max(LocalDate::compareTo).orElse(null);
            if (from != null) {
                DataValidationConstraint days = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        excelDate(from), excelDate(to), "yyyy-mm-dd");
                DataValidation v = helper.createValidation(days, new CellRangeAddressList(1, last, 4, 4));
                v.setShowErrorBox(true);
                v.createErrorBox(texts.get("page.import.invalid", locale),
                        texts.get("page.import.invalid.deadline", locale, from.toString(), to.toString()));
                sheet.addValidationData(v);
            }
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String excelDate(LocalDate d) {
        return "DATE(" + d.getYear() + "," + d.getMonthValue() + "," + d.getDayOfMonth() + ")";
    }
}
