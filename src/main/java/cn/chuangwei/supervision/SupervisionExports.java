package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.documents.Spreadsheet;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The overdue list and the month's ranking as Excel, one writer for the API and the board's pages. */
@Component
class SupervisionExports {

    private final Spreadsheet spreadsheet;
    private final DueDates dueDates;

    SupervisionExports(Spreadsheet spreadsheet, DueDates dueDates) {
        this.spreadsheet = spreadsheet;
        this.dueDates = dueDates;
    }

    ResponseEntity<byte[]> overdue(List<OpenTask> overdue, String lang) {
        List<List<Object>> rows = overdue.stream().map(t -> Arrays.<Object>asList(t.campaignName(),
                new Spreadsheet.Label("phase." + t.phase()), t.unitName(), t.title(), t.deadline(), t.workingDaysOverdue(),
                t.level() == null ? null : new Spreadsheet.Label("level." + t.level()),
                new Spreadsheet.Label(t.critical() ? "export.yes" : "export.no"),
                new Spreadsheet.Person(t.deputyUserId()))).toList();
        return spreadsheet.download(lang, "export.overdue.title", new Object[] {dueDates.today()}, List.of(
                "export.col.campaign", "export.col.phase", "export.col.unit", "export.col.title", "export.col.deadline",
                "export.col.days-overdue", "export.col.level", "export.col.critical", "export.col.deputy"), rows);
    }

    ResponseEntity<byte[]> ranking(AssessmentService.Month m, String lang) {
        List<List<Object>> rows = m.scores().stream().map(s -> List.<Object>of(s.rank(), s.unitName(), s.score(),
                s.overdueTasks(), s.overdueDays(), s.rework(), s.escalationPoints(), s.casePoints(), s.deductions()))
                .toList();
        return spreadsheet.download(lang, "export.assessment.title", new Object[] {m.campaignName(), m.month(),
                new Spreadsheet.Label(m.closed() ? "export.final" : "export.draft")}, List.of("export.col.rank",
                "export.col.unit", "export.col.score", "export.col.overdue-tasks", "export.col.days-overdue",
                "export.col.rework", "export.col.escalation-points", "export.col.case-points", "export.col.deductions"),
                rows);
    }
}
