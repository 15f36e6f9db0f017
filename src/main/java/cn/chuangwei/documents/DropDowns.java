package cn.chuangwei.documents;

import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Drop-down lists in a workbook a person fills in: the values down a column of a hidden sheet {@code lists}, named, and
 * a column of a sheet that takes only them (data validation, with an error box in the reader's language); and the looks
 * of such a workbook's header row and date cells.
 */
public final class DropDowns {

    private final XSSFWorkbook wb;
    private final XSSFSheet lists;
    private final String errorTitle;
    private final String errorText;
    private int next;

    /** The hidden sheet of lists, and the error box a value not in a list meets. */
    public DropDowns(XSSFWorkbook wb, String errorTitle, String errorText) {
        this.wb = wb;
        this.lists = wb.createSheet("lists");
        wb.setSheetHidden(wb.getSheetIndex(lists), true);
        this.errorTitle = errorTitle;
        this.errorText = errorText;
    }

    /** The header row's look: bold on grey, wrapped. */
    public static XSSFCellStyle headerStyle(XSSFWorkbook wb) {
        XSSFCellStyle header = wb.createCellStyle();
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        return header;
    }

    /** A date cell's look: yyyy-mm-dd. */
    public static XSSFCellStyle dateStyle(XSSFWorkbook wb) {
        XSSFCellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        return date;
    }

    /** Writes a named list of values (nothing when empty). */
    public DropDowns list(String name, List<String> values) {
        int col = next++;
        for (int r = 0; r < values.size(); r++) {
            XSSFRow row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
            row.createCell(col).setCellValue(values.get(r));
        }
        if (!values.isEmpty()) {
            Name n = wb.createName();
            n.setNameName(name);
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
            n.setRefersToFormula("lists!$" + letter + "$1:$" + letter + "$" + values.size());
        }
        return this;
    }

    /** Column {@code col} of {@code sheet}, rows {@code first}..{@code last} (0-based), takes only the list's values. */
    public void apply(XSSFSheet sheet, String name, int col, int first, int last) {
        if (wb.getName(name) == null) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(helper.createFormulaListConstraint(name),
                new CellRangeAddressList(first, last, col, col));
        v.setSuppressDropDownArrow(true);
        v.setShowErrorBox(true);
        v.createErrorBox(errorTitle, errorText);
        sheet.addValidationData(v);
    }
}
