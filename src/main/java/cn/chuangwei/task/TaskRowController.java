package cn.chuangwei.task;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.campaign.VisibleCampaigns;
import java.util.function.Predicate;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A campaign's task decomposition table: read it, add a row, import a table from .xlsx or .csv. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class TaskRowController {

    private final TaskRowService service;
    private final TaskRowRepository rows;
    private final CampaignRepository campaigns;
    private final CurrentUser currentUser;
    private final VisibleCampaigns visible;
    private final DeadlineChanges deadlines;
    private final ImportSettings limits;
    private final Texts texts;

    TaskRowController(TaskRowService service, TaskRowRepository rows, CampaignRepository campaigns,
                      CurrentUser currentUser, ImportSettings limits, VisibleCampaigns visible,
                      DeadlineChanges deadlines, Texts texts) {
        this.service = service;
        this.rows = rows;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.visible = visible;
        this.deadlines = deadlines;
        this.limits = limits;
        this.texts = texts;
    }

    @GetMapping("/tasks")
    List<TaskRow> rows(@PathVariable long campaignId, @RequestParam(required = false) String phase,
                       @RequestParam(required = false) String unit, @RequestParam(required = false) String status) {
        campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        Phase p = phase == null ? null
                : Phase.parse(phase).orElseThrow(() -> ApiException.badRequest("unknown-phase", "phase", "phase", phase));
        TaskStatus s = null;
        if (status != null) {
            try {
                s = TaskStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid-choice", "status", "status", status, List.of(TaskStatus.values()).toString());
            }
        }
        Predicate<String> sees = visible.unitFilter(campaignId);
        return rows.ofCampaign(campaignId, p, unit, s).stream().filter(r -> sees.test(r.unitCode())).toList();
    }

    @GetMapping("/tasks/{rowId}/events")
    List<TaskRowRepository.TaskEvent> events(@PathVariable long campaignId, @PathVariable long rowId) {
        TaskRow row = rows.find(rowId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
        visible.requireUnit(campaignId, row.unitCode());
        return rows.events(rowId);
    }

    /** What the office sends to move a task's deadline: the new day and why. */
    record DeadlineRequest(LocalDate deadline, String reason) {
    }

    /** The office moves a task's deadline (延期), with its reason; recorded in the row's and the task's history. */
    @PostMapping("/tasks/{rowId}/deadline")
    TaskRow deadline(@PathVariable long campaignId, @PathVariable long rowId, @RequestBody DeadlineRequest request) {
        currentUser.requireOffice();
        visible.requireOffice(campaignId);
        if (request == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        return deadlines.change(campaignId, rowId, request.deadline(), request.reason(), currentUser.id());
    }

    @PostMapping("/phases/{phase}/tasks")
    ResponseEntity<TaskRow> add(@PathVariable long campaignId, @PathVariable String phase,
                                @RequestBody TaskRequest task) {
        currentUser.requireOffice();
        visible.requireOffice(campaignId);
        Phase p = Phase.parse(phase).orElseThrow(() -> ApiException.badRequest("unknown-phase", "phase", "phase", phase));
        if (task == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        RawTaskRow raw = new RawTaskRow(p.name(), task.title(), task.target(), task.unit(), task.person(), task.deadline(),
                task.critical() == null ? null : task.critical().toString(), task.area());
        return ResponseEntity.status(HttpStatus.CREATED).body(service.add(campaignId, raw, f -> f));
    }

    /**
     * Imports a decomposition table: every row is checked before any is written. With {@code dryRun=true} nothing is
     * written and the answer lists every row's every column at fault (an empty list: the import would take them all).
     */
    @PostMapping(path = "/tasks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> importTable(@PathVariable long campaignId,
                                    @RequestParam(name = "file", required = false) MultipartFile file,
                                    @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        currentUser.requireOffice();
        visible.requireOffice(campaignId);
        DecompositionFile table = DecompositionUpload.of(file, limits).table(limits);
        if (dryRun) {
            List<Map<String, Object>> problems = service.checkRows(campaignId, table.rows(), table::column).stream()
                    .map(p -> Map.<String, Object>of("row", p.line(), "column", p.column(), "code", p.refusal().code(),
                            "message", texts.zh("error." + p.refusal().code(), p.refusal().args()),
                            "messageEn", texts.en("error." + p.refusal().code(), p.refusal().args())))
                    .toList();
            return Map.of("campaignId", campaignId, "rows", table.rows().size(), "problems", problems);
        }
        int n = service.importRows(campaignId, table.rows(), table::column);
        return Map.of("campaignId", campaignId, "imported", n);
    }
}
