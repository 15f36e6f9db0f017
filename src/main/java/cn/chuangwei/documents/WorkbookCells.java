package cn.chuangwei.documents;

import cn.chuangwei.kernel.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one reader of uploaded {@code .xlsx} workbooks: each sheet as a table of cell texts (a date as yyyy-MM-dd, a
 * number as written, a formula by its cached value), guarded against a workbook that inflates. A workbook that cannot be
 * read is refused as {@code unreadable-file}; one with too many rows as {@code too-many-rows}.
 */
public final class WorkbookCells {

    /**
     * No part of an uploaded workbook may inflate beyond this (a 5,000-row table is a few MB). POI refuses parts that
     * inflate more than 100× and arrays over 100 MB, but a part under both would otherwise be loaded row by row.
     */
    public static final long MAX_INFLATED_ENTRY = 64L << 20;

    /** The columns read of a row, at most. */
    static final int MAX_COLUMNS = 50;

    /** A sheet by its name, its rows (row 1 first; a missing row or cell is empty). */
    public record Table(String name, List<List<String>> rows) {
    }

    private WorkbookCells() {
    }

    /** Whether the bytes start as a zip file (an {@code .xlsx} is one). */
    public static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /**
     * The first {@code maxSheets} sheets of the workbook, in order (hidden ones too); each at most {@code maxRows} rows
     * besides its header.
     */
    public static List<Table> read(byte[] content, int maxRows, int maxSheets) {
        if (!isZip(content)) {
            throw ApiException.badRequest("unreadable-file", "file", "xlsx");
        }
        ZipSecureFile.setMaxEntrySize(MAX_INFLATED_ENTRY);
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<Table> tables = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (wb.getNumberOfSheets() == 0) {
                throw ApiException.badRequest("empty-file", "file");
            }
            for (int s = 0; s < Math.min(wb.getNumberOfSheets(), maxSheets); s++) {
                Sheet sheet = wb.getSheetAt(s);
                if (sheet.getLastRowNum() > maxRows + 1) {
                    throw ApiException.badRequest("too-many-rows", "file", maxRows);
                }
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> line = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.min(row.getLastCellNum(), MAX_COLUMNS); c++) {
                            line.add(text(row.getCell(c), formatter));
                        }
                    }
                    rows.add(line);
                }
                tables.add(new Table(sheet.getSheetName(), rows));
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("unreadable-file", "file", "xlsx");
        }
        return tables;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
            return d.toString();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return type == CellType.STRING ? cell.getStringCellValue() : formatter.formatRawCellContents(
                    cell.getNumericCellValue(), -1, "General");
        }
        return formatter.formatCellValue(cell);
    }
}
