package cn.chuangwei.supervision;

import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.MessageSource;

/**
 * What a circular says, the same in its PDF, print view, Word and Excel: its own texts, the labels from the message
 * bundle (in Chinese: a circular is an official document), the body's paragraphs and the task rows.
 */
record CircularContent(String number, String title, String office, String date, List<Paragraph> body, String caption,
                       String period, List<String> headers, List<Circular.Row> rows, String noRows) {

    /** Message keys of the table's columns, in the order of {@link #cells}. */
    static final List<String> COLUMNS = List.of("seq", "unit", "task", "phase", "deadline", "days-overdue", "level",
            "deputy");

    /** A paragraph of the body; an addressee line (主送机关) and a line that brings its own indent are not indented. */
    record Paragraph(String text, boolean indented) {
        public boolean blank() {
            return text.isBlank();
        }
    }

    static CircularContent of(Circular c, MessageSource messages) {
        List<String> headers = COLUMNS.stream().map(k -> message(messages, "circular.col." + k)).toList();
        List<Circular.Row> rows = c.rows() == null ? List.of() : c.rows().stream().filter(Objects::nonNull).toList();
        return new CircularContent(text(c.number()), text(c.title()), text(c.issuingOffice()),
                ChineseDates.format(c.issuedOn()), paragraphs(c.body()), message(messages, "circular.caption"),
                period(c.periodFrom(), c.periodTo(), messages), headers, rows, message(messages, "circular.no-rows"));
    }

    /** The cells of a task row as text, in the order of {@link #COLUMNS}. */
    static List<String> cells(Circular.Row r) {
        return List.of(String.valueOf(r.seq()), text(r.unitName()), text(r.taskTitle()), text(r.phaseName()),
                r.deadline() == null ? "" : r.deadline().format(DateTimeFormatter.ISO_LOCAL_DATE),
                String.valueOf(r.workingDaysOverdue()), text(r.level()), text(r.deputyName()));
    }

    /** Each line of the body a paragraph; the first line that ends with a colon is the addressees'. */
    private static List<Paragraph> paragraphs(String body) {
        String t = text(body).stripTrailing();
        List<Paragraph> paragraphs = new ArrayList<>();
        boolean first = true;
        for (String line : t.isEmpty() ? new String[0] : t.split("\r\n|\r|\n", -1)) {
            boolean ownIndent = !line.isEmpty() && (Character.isWhitespace(line.codePointAt(0)) || line.charAt(0) == '\u3000');
            boolean addressees = first && (line.endsWith("：") || line.endsWith(":"));
            paragraphs.add(new Paragraph(line, !line.isBlank() && !ownIndent && !addressees));
            first &= line.isBlank();
        }
        return paragraphs;
    }

    /** （统计时段：2027年3月1日至2027年3月14日）, or "" without dates. */
    private static String period(LocalDate from, LocalDate to, MessageSource messages) {
        if (from != null && to != null) {
            return message(messages, "circular.period.range", ChineseDates.format(from), ChineseDates.format(to));
        }
        if (to != null || from != null) {
            return message(messages, to != null ? "circular.period.to" : "circular.period.from",
                    ChineseDates.format(to != null ? to : from));
        }
        return "";
    }

    private static String message(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, Texts.ZH);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
