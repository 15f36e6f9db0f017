package cn.chuangwei.task;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Table.Cell;
import cn.chuangwei.web.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rows behind a number of the board's heat map and timeline: a campaign's decomposition rows by phase, unit and
 * state (accepted / open / overdue, counted as the board counts them), each open row linked to its task in the workbench.
 */
@Page
class TaskRowPage {

    private static final Set<String> STATES = Set.of("accepted", "open", "overdue");

    private final TaskRowRepository rows;
    private final CampaignRepository campaigns;
    private final CurrentUser currentUser;
    private final OverdueRule overdueRule;
    private final TaskService tasks;
    private final Texts texts;
    private final VisibleCampaigns visible;
    private final WorkService work;

    TaskRowPage(TaskRowRepository rows, CampaignRepository campaigns, CurrentUser currentUser, OverdueRule overdueRule,
                TaskService tasks, Texts texts, VisibleCampaigns visible, WorkService work) {
        this.work = work;
        this.visible = visible;
        this.rows = rows;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.overdueRule = overdueRule;
        this.tasks = tasks;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId:\\d+}/tasks")
    String list(@PathVariable long campaignId, @RequestParam(required = false) String phase,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String state,
                @RequestParam(required = false) Integer imported, Model model, Locale locale) {
        Campaign c = visible.require(campaignId);
        Phase p = phase == null || phase.isBlank() ? null
                : Phase.parse(phase).orElseThrow(() -> ApiException.badRequest("unknown-phase", "phase", "phase", phase));
        if (state != null && !state.isBlank() && !STATES.contains(state)) {
            throw ApiException.badRequest("invalid-choice", "state", "state", state, "accepted, open, overdue");
        }
        Map<String, String> unitNames = campaigns.units(campaignId).stream()
                .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
        String u = unit == null || unit.isBlank() ? null : unit.trim();
        if (u != null && !unitNames.containsKey(u)) {
            throw ApiException.notFound("unknown-unit", "unit", u);
        }
        if (u != null) {
            visible.requireUnit(campaignId, u);
        }
        Predicate<String> sees = visible.unitFilter(campaignId);
        OverdueRule.Cutoff cutoff = overdueRule.now(campaignId);
        Predicate<TaskRow> inState = switch (state == null ? "" : state) {
            case "accepted" -> r -> r.status() == TaskStatus.ACCEPTED;
            case "open" -> r -> r.status().isActive() && !cutoff.overdue(r);
            case "overdue" -> cutoff::overdue;
            default -> r -> true;
        };
        boolean office = visible.isOffice(campaignId);
        List<List<Cell>> table = new ArrayList<>();
        for (TaskRow r : rows.ofCampaign(campaignId, p, u, null)) {
            if (!inState.test(r) || !sees.test(r.unitCode())) {
                continue;
            }
            // a row of a phase not yet started has not been handed to its unit: not started, nothing to do yet
            boolean started = cutoff.underWay().contains(r.phase()) || !r.status().isOpen();
            String tone = r.status() == TaskStatus.ACCEPTED ? "green" : cutoff.overdue(r) ? "red" : started ? null : "grey";
            boolean active = started && r.status().isActive();
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(r.seq()), Cell.of(texts.get("phase." + r.phase().name(), locale)),
                    Cell.of(r.title()), Cell.link(unitNames.getOrDefault(r.unitCode(), r.unitCode()),
                            "/board/" + campaignId + "/tasks?unit=" + r.unitCode()),
                    Cell.of(r.deadline()).tone(tone), Cell.of(started ? texts.get("task-status." + r.status().name(), locale)
                            : texts.get("page.state.pending", locale)).tone(tone),
                    Cell.of(r.reworkCount()), active ? Cell.link(texts.get("page.open-in-tasklist", locale),
                            "/board/" + campaignId + "/tasks/" + r.id() + "/tasklist") : Cell.of("")));
            if (office) {
                cells.add(r.status().isOpen() ? Cell.link(texts.get("page.row-edit.link", locale),
                        "/board/" + campaignId + "/tasks/" + r.id() + "/edit") : Cell.of(""));
            }
            table.add(cells);
        }
        List<String> filters = new ArrayList<>();
        if (p != null) {
            filters.add(texts.get("phase." + p.name(), locale));
        }
        if (u != null) {
            filters.add(unitNames.get(u));
        }
        if (state != null && !state.isBlank()) {
            filters.add(texts.get("page.state." + state, locale));
        }
        if (imported != null && imported > 0) {
            filters.add(texts.get("page.import.done", locale, imported));
        }
        List<String> columns = new ArrayList<>(List.of(texts.get("page.col.seq", locale),
                texts.get("export.col.phase", locale), texts.get("export.col.title", locale),
                texts.get("export.col.unit", locale), texts.get("export.col.deadline", locale),
                texts.get("page.col.status", locale), texts.get("export.col.rework", locale), ""));
        if (office) {
            columns.add("");
        }
        model.addAttribute("table", new Table(texts.get("page.tasks", locale, c.name()), String.join(" · ", filters),
                columns, table, null, "/board/" + campaignId));
        return "list";
    }

    /** Into the workbench at the row's open task, when it has one the caller may see; else the caller's 我的待办. */
    @GetMapping("/board/{campaignId:\\d+}/tasks/{rowId}/tasklist")
    String tasklist(@PathVariable long campaignId, @PathVariable long rowId) {
        TaskRow row = rows.find(rowId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
        visible.requireUnit(campaignId, row.unitCode());
        // the row's open task (the unit's, or the office's review) if the caller works on it
        String taskId = tasks.createTaskQuery().taskVariableValueEquals(TaskVariables.TASK_ROW_ID, rowId).list().stream()
                .filter(work::mayWork).map(Task::getId).findFirst().orElse(null);
        return "redirect:" + (taskId == null ? "/work"
                : UriComponentsBuilder.fromPath("/work/tasks/{taskId}").buildAndExpand(taskId).encode().toUriString());
    }
}
