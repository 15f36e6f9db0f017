package cn.chuangwei.supervision;

import cn.chuangwei.org.CurrentUser;
import cn.chuangwei.web.Spreadsheet;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly assessment and ranking (published to all); the office closes a month, which freezes it. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/assessment")
class AssessmentController {

    private final AssessmentService assessment;
    private final CurrentUser currentUser;
    private final Spreadsheet spreadsheet;

    AssessmentController(AssessmentService assessment, CurrentUser currentUser, Spreadsheet spreadsheet) {
        this.assessment = assessment;
        this.currentUser = currentUser;
        this.spreadsheet = spreadsheet;
    }

    @GetMapping("/{month}")
    AssessmentService.Month month(@PathVariable long campaignId, @PathVariable String month) {
        return assessment.month(campaignId, AssessmentService.parseMonth(month));
    }

    @PostMapping("/{month}/close")
    AssessmentService.Month close(@PathVariable long campaignId, @PathVariable String month) {
        currentUser.requireOffice();
        return assessment.close(campaignId, AssessmentService.parseMonth(month), currentUser.id());
    }

    /** The month's ranking as Excel, headers in Chinese ({@code lang=zh}, the default) or English. */
    @GetMapping("/{month}/xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long campaignId, @PathVariable String month,
                                 @RequestParam(defaultValue = "zh") String lang) {
        AssessmentService.Month m = assessment.month(campaignId, AssessmentService.parseMonth(month));
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
