package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.Months;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import cn.chuangwei.web.Table.Cell;
import cn.chuangwei.web.Table;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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
    private final CampaignRepository campaigns;
    private final CircularService circulars;

    SupervisionPage(SupervisionService supervision, AssessmentService assessment, SupervisionExports exports,
                    DueDates dueDates, Texts texts, VisibleCampaigns visible, CampaignRepository campaigns,
                    CircularService circulars) {
        this.visible = visible;
        this.campaigns = campaigns;
        this.circulars = circulars;
        this.supervision = supervision;
        this.assessment = assessment;
        this.exports = exports;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    /** An overdue task as the audit's page shows it, its codes turned into the reader's words. */
    record Item(long id, String unitName, String unitHref, String phaseName, String title, java.time.LocalDate deadline,
                int daysOverdue, String levelName, String levelTone, boolean critical, String tasklistHref) {
    }

    /** A choice of a filter: its value in the address and its label. */
    record Choice(String value, String label) {
    }

    /**
     * The audit (督办): the campaign's overdue tasks, filtered by unit, phase, ladder level, working days overdue and
     * critical only, the filters in the address; the town's supervisors and office tick tasks for a circular.
     */
    @GetMapping("/board/{campaignId:\\d+}/overdue")
    String overdue(@PathVariable long campaignId, @RequestParam(required = false) String phase,
                   @RequestParam(required = false) String unit, @RequestParam(required = false) String level,
                   @RequestParam(required = false) String minDays, @RequestParam(required = false) String critical,
                   Model model, Locale locale) {
        Campaign campaign = visible.require(campaignId);
        AuditQuery query = AuditQuery.of(phase, unit, level, minDays, critical);
        List<OpenTask> overdue = supervision.overdue(query.filter(campaignId));
        String base = "/board/" + campaignId;
        List<Item> items = overdue.stream().map(t -> new Item(t.taskRowId(), t.unitName(),
                AuditQuery.of(null, t.unitCode(), null, null, null).href(base + "/overdue", null),
                texts.get("phase." + t.phase(), locale), t.title(), t.deadline(), t.workingDaysOverdue(),
                t.level() == null ? "" : texts.get("level." + t.level(), locale),
                t.level() == null ? "" : LadderLevel.valueOf(t.level()).rank() >= LadderLevel.RED.rank() ? "red" : "yellow",
                t.critical(), base + "/tasks/" + t.taskRowId() + "/tasklist")).toList();
        Predicate<String> sees = visible.unitFilter(campaignId);
        model.addAttribute("title", texts.get("page.overdue", locale, dueDates.today()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("base", base);
        model.addAttribute("items", items);
        model.addAttribute("query", query);
        model.addAttribute("phases", Arrays.stream(Phase.values())
                .map(p -> new Choice(p.name(), texts.get("phase." + p.name(), locale))).toList());
        model.addAttribute("units", campaigns.units(campaignId).stream().filter(u -> sees.test(u.code()))
                .map(u -> new Choice(u.code(), u.name())).toList());
        model.addAttribute("levels", Arrays.stream(LadderLevel.values())
                .map(l -> new Choice(l.name(), texts.get(l == LadderLevel.NONE ? "page.audit.level.none" : "level." + l.name(),
                        locale))).toList());
        model.addAttribute("mayIssue", circulars.mayIssue(campaignId));
        model.addAttribute("seesAll", visible.seesAllUnits(campaignId));
        model.addAttribute("exportHref", query.href(base + "/overdue/xlsx", Pages.lang(locale)));
        return "overdue";
    }

    @GetMapping("/board/{campaignId:\\d+}/overdue/xlsx")
    ResponseEntity<byte[]> overdueExcel(@PathVariable long campaignId, @RequestParam(required = false) String phase,
                                        @RequestParam(required = false) String unit,
                                        @RequestParam(required = false) String level,
                                        @RequestParam(required = false) String minDays,
                                        @RequestParam(required = false) String critical, Locale locale) {
        visible.require(campaignId);
        return exports.overdue(supervision.overdue(AuditQuery.of(phase, unit, level, minDays, critical)
                .filter(campaignId)), Pages.lang(locale));
    }

    @GetMapping("/board/{campaignId:\\d+}/ranking")
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

    @GetMapping("/board/{campaignId:\\d+}/ranking/xlsx")
    ResponseEntity<byte[]> rankingExcel(@PathVariable long campaignId, @RequestParam(required = false) String month,
                                        Locale locale) {
        visible.require(campaignId);
        return exports.ranking(assessment.month(campaignId, month(month)), Pages.lang(locale));
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? YearMonth.from(dueDates.today()) : Months.parse(month);
    }
}
