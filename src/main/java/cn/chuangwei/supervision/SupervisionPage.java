package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.Months;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import cn.chuangwei.web.Table.Cell;
import cn.chuangwei.web.Table;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board's supervision lists: the overdue tasks (督办) behind the red cells and the open escalations, and the
 * month's ranking (月度考核), each with its Excel export, with the same visibility as the API.
 */
@Page
class SupervisionPage {

    private final SupervisionService supervision;
    private final AssessmentService assessment;
    private final SupervisionExports exports;
    private final DueDates dueDates;
    private final Texts texts;
    private final VisibleCampaigns visible;

    SupervisionPage(SupervisionService supervision, AssessmentService assessment, SupervisionExports exports,
                    DueDates dueDates, Texts texts, VisibleCampaigns visible) {
        this.visible = visible;
        this.supervision = supervision;
        this.assessment = assessment;
        this.exports = exports;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId}/overdue")
    String overdue(@PathVariable long campaignId, @RequestParam(required = false) String phase,
                   @RequestParam(required = false) String unit, @RequestParam(required = false) String level,
                   Model model, Locale locale) {
        visible.require(campaignId);
        List<OpenTask> overdue = supervision.overdue(SupervisionService.Filter.parse(campaignId, blank(phase), blank(unit), null,
                blank(level)));
        List<List<Cell>> rows = new ArrayList<>();
        for (OpenTask t : overdue) {
            rows.add(List.of(Cell.link(t.unitName(), "/board/" + campaignId + "/overdue?unit=" + t.unitCode()),
                    Cell.of(texts.get("phase." + t.phase(), locale)), Cell.of(t.title()), Cell.of(t.deadline()).tone("red"),
                    Cell.of(t.workingDaysOverdue()).tone("red"),
                    Cell.of(t.level() == null ? "" : texts.get("level." + t.level(), locale)),
                    Cell.of(texts.get(t.critical() ? "export.yes" : "export.no", locale)),
                    Cell.link(texts.get("page.open-in-tasklist", locale),
                            "/board/" + campaignId + "/tasks/" + t.taskRowId() + "/tasklist")));
        }
        String query = UriComponentsBuilder.newInstance().queryParamIfPresent("phase", java.util.Optional.ofNullable(blank(phase)))
                .queryParamIfPresent("unit", java.util.Optional.ofNullable(blank(unit)))
                .queryParamIfPresent("level", java.util.Optional.ofNullable(blank(level)))
                .queryParam("lang", Pages.lang(locale)).build().toUriString();
        model.addAttribute("table", new Table(texts.get("page.overdue", locale, dueDates.today()),
                overdue.isEmpty() || blank(unit) == null ? null : overdue.get(0).unitName(),
                List.of(texts.get("export.col.unit", locale), texts.get("export.col.phase", locale),
                        texts.get("export.col.title", locale), texts.get("export.col.deadline", locale),
                        texts.get("export.col.days-overdue", locale), texts.get("export.col.level", locale),
                        texts.get("export.col.critical", locale), ""),
                rows, "/board/" + campaignId + "/overdue/xlsx" + query, "/board/" + campaignId));
        return "list";
    }

    @GetMapping("/board/{campaignId}/overdue/xlsx")
    ResponseEntity<byte[]> overdueExcel(@PathVariable long campaignId, @RequestParam(required = false) String phase,
                                        @RequestParam(required = false) String unit,
                                        @RequestParam(required = false) String level, Locale locale) {
        visible.require(campaignId);
        return exports.overdue(supervision.overdue(SupervisionService.Filter.parse(campaignId, blank(phase), blank(unit), null,
                blank(level))), Pages.lang(locale));
    }

    @GetMapping("/board/{campaignId}/ranking")
    String ranking(@PathVariable long campaignId, @RequestParam(required = false) String month, Model model,
                   Locale locale) {
        visible.require(campaignId);
        AssessmentService.Month m = assessment.month(campaignId, month(month));
        List<List<Cell>> rows = m.scores().stream().map(s -> List.of(Cell.of(s.rank()),
                Cell.link(s.unitName(), "/board/" + campaignId + "/tasks?unit=" + s.unitCode()), Cell.of(s.score()),
                s.overdueTasks() > 0 ? Cell.link(s.overdueTasks(), "/board/" + campaignId + "/overdue?unit=" + s.unitCode())
                        .tone("red") : Cell.of(0),
                Cell.of(s.overdueDays()), Cell.of(s.rework()), Cell.of(s.escalationPoints()), Cell.of(s.casePoints()),
                Cell.of(s.deductions()))).toList();
        model.addAttribute("table", new Table(texts.get("page.ranking", locale, m.campaignName(), m.month()),
                texts.get(m.closed() ? "export.final" : "export.draft", locale),
                List.of(texts.get("export.col.rank", locale), texts.get("export.col.unit", locale),
                        texts.get("export.col.score", locale), texts.get("export.col.overdue-tasks", locale),
                        texts.get("export.col.days-overdue", locale), texts.get("export.col.rework", locale),
                        texts.get("export.col.escalation-points", locale), texts.get("export.col.case-points", locale),
                        texts.get("export.col.deductions", locale)),
                rows, "/board/" + campaignId + "/ranking/xlsx?month=" + m.month() + "&lang=" + Pages.lang(locale),
                "/board/" + campaignId));
        return "list";
    }

    @GetMapping("/board/{campaignId}/ranking/xlsx")
    ResponseEntity<byte[]> rankingExcel(@PathVariable long campaignId, @RequestParam(required = false) String month,
                                        Locale locale) {
        visible.require(campaignId);
        return exports.ranking(assessment.month(campaignId, month(month)), Pages.lang(locale));
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? YearMonth.from(dueDates.today()) : Months.parse(month);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
