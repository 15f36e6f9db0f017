package cn.chuangwei.supervision;

import cn.chuangwei.documents.Spreadsheet.Style;
import cn.chuangwei.documents.Spreadsheet;
import cn.chuangwei.kernel.Texts;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A circular as a workbook of one sheet (通报): the heading rows, the body, then the tasks as a table with dates and
 * numbers, then the issuing office and the date, written by the {@link Spreadsheet}. Needs no font.
 */
@Component
class CircularXlsx {

    /** The least widths of the table's columns, in characters; wider where a cell needs it. */
    private static final int[] COLUMNS = {6, 20, 40, 14, 12, 11, 11, 11};
    /** The columns whose cells are centred: all but the unit and the task. */
    private static final boolean[] CENTERED = {true, false, false, true, true, true, true, true};

    private static final Style OFFICE = new Style(18, true, true, HorizontalAlignment.CENTER);
    private static final Style NUMBER = new Style(12, false, false, HorizontalAlignment.CENTER);
    private static final Style TITLE = new Style(15, true, false, HorizontalAlignment.CENTER);
    private static final Style BODY = new Style(11, false, false, HorizontalAlignment.LEFT);
    private static final Style CAPTION = new Style(12, true, false, HorizontalAlignment.CENTER);
    private static final Style PERIOD = new Style(10, false, false, HorizontalAlignment.CENTER);
    private static final Style SIGNATURE = new Style(12, false, false, HorizontalAlignment.RIGHT);

    private final MessageSource messages;

    CircularXlsx(MessageSource messages) {
        this.messages = messages;
    }

    byte[] xlsx(Circular circular) {
        CircularContent c = CircularContent.of(circular, messages);
        List<List<Object>> rows = new ArrayList<>();
        for (Circular.Row r : c.rows()) {
            rows.add(java.util.Arrays.asList(r.seq(), r.unitName(), r.taskTitle(), r.phaseName(), r.deadline(),
                    r.workingDaysOverdue(), r.level(), r.deputyName()));
        }
        return Spreadsheet.workbook(messages.getMessage("circular.sheet", null, Texts.ZH),
                Spreadsheet.fit(c.headers(), rows, COLUMNS), c.title(), c.office(),
                sheet -> {
                    sheet.line(c.office(), OFFICE).line(c.number(), NUMBER).rule().line(c.title(), TITLE);
                    c.body().forEach(p -> sheet.line(p.text(), BODY));
                    sheet.gap().line(c.caption(), CAPTION);
                    if (!c.period().isEmpty()) {
                        sheet.line(c.period(), PERIOD);
                    }
                    sheet.table(c.headers(), CENTERED, rows).gap().line(c.office(), SIGNATURE).line(c.date(), SIGNATURE);
                });
    }
}
