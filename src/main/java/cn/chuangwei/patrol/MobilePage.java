package cn.chuangwei.patrol;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.task.EvidenceSettings;
import cn.chuangwei.task.WorkService;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The grid inspector's phone pages: {@code /m/report} reports a case with photos taken on the phone and the location;
 * {@code /m/cases} lists the cases waiting for the inspector's check (核查) and records it, and the cases they reported.
 * A refused report comes back with the reason and the inspector's entries, and nothing is saved.
 */
@Page
class MobilePage {

    private final CaseService cases;
    private final WorkService work;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final Texts texts;
    private final long maxPhotoBytes;
    private final long maxRequestBytes;
    private final CaseNames names;

    MobilePage(CaseService cases, WorkService work, TaskService tasks,
               CurrentUser currentUser, Texts texts, EvidenceSettings limits,
               @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequest, CaseNames names) {
        this.cases = cases;
        this.names = names;
        this.work = work;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.texts = texts;
        this.maxPhotoBytes = limits.maxBytes();
        this.maxRequestBytes = maxRequest.toBytes();
    }

    /** A grid to report in: "campaignId:gridCode", named by campaign and grid. */
    record GridChoice(String value, String label, boolean mine) {
    }

    @GetMapping("/m/report")
    String form(@RequestParam(required = false) Long done, Model model, Locale locale) {
        return blank(false, done, model, locale);
    }

    /** The hotline's page: a citizen's complaint registered with the caller's name and contact. */
    @GetMapping("/m/complaint")
    String complaintForm(@RequestParam(required = false) Long done, Model model, Locale locale) {
        return blank(true, done, model, locale);
    }

    @PostMapping("/m/report")
    String report(@RequestParam Map<String, String> fields,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                  Locale locale, HttpServletResponse response) {
        return submit(false, fields, photos, model, locale, response);
    }

    @PostMapping("/m/complaint")
    String complaint(@RequestParam Map<String, String> fields,
                     @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                     Locale locale, HttpServletResponse response) {
        return submit(true, fields, photos, model, locale, response);
    }

    private String blank(boolean complaint, Long done, Model model, Locale locale) {
        model.addAttribute("done", done);
        if (done != null) {
            try {
                model.addAttribute("doneHref", CaseSheet.href(cases.view(done)));
            } catch (ApiException e) {
                // a case the reader may not see (or none): the thanks without a link
            }
        }
        return form(complaint, model, locale, Map.of(), null, null);
    }

    private String submit(boolean complaint, Map<String, String> fields, List<MultipartFile> photos, Model model,
                          Locale locale, HttpServletResponse response) {
        try {
            String[] grid = choice(fields.get("grid"));
            CaseService.Report report = new CaseService.Report(Long.valueOf(grid[0]), grid[1], fields.get("category"),
                    fields.get("urgency"), fields.get("description"), fields.get("address"),
                    number("latitude", fields.get("latitude")), number("longitude", fields.get("longitude")),
                    complaint ? fields.get("callerName") : null, complaint ? fields.get("callerPhone") : null,
                    complaint ? fields.get("callerEmail") : null, complaint ? null : fields.get("source"),
                    complaint ? null : fields.get("sourceRef"));
            List<CaseService.Photo> files = new ArrayList<>();
            for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
                if (!f.isEmpty()) {
                    files.add(new CaseService.Photo(f.getOriginalFilename(), f.getContentType(), bytes(f)));
                }
            }
            PatrolCase reported = cases.reportWithPhotos(report, complaint, files, maxPhotoBytes);
            return "redirect:" + (complaint ? "/m/complaint" : "/m/report") + "?done=" + reported.id();
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            String message = "en".equals(Pages.lang(locale)) ? texts.en("error." + e.code(), e.args())
                    : texts.zh("error." + e.code(), e.args());
            return form(complaint, model, locale, fields, message, e.field());
        }
    }

    private String form(boolean complaint, Model model, Locale locale, Map<String, String> entered, String error,
                        String errorField) {
        String me = currentUser.id();
        List<GridChoice> grids = cases.reportableGrids(complaint).stream().map(g -> new GridChoice(g.campaignId() + ":" + g.code(),
                g.campaignName() + " · " + g.name(), me.equals(g.inspector()))).toList();
        Map<String, String> categories = names.categories(locale);
        model.addAttribute("complaint", complaint);
        model.addAttribute("grids", grids);
        model.addAttribute("categories", categories);
        model.addAttribute("categoryGroups", names.groups(locale));
        // 上级交办 reaches the office only: the others report what they find on patrol or on video
        model.addAttribute("sources", currentUser.isOffice() ? CaseService.REPORTED_SOURCES
                : CaseService.REPORTED_SOURCES.stream().filter(o -> !"ASSIGNED".equals(o)).toList());
        model.addAttribute("sourceRefMax", CaseService.SOURCE_REF_MAX);
        model.addAttribute("entered", new HashMap<>(entered));
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("waiting", waitingChecks().size());
        model.addAttribute("maxPhotoBytes", maxPhotoBytes);
        model.addAttribute("maxRequestBytes", maxRequestBytes);
        return "m/report";
    }

    /** A case in the inspector's lists, in words: its category and grid by name, and its page. */
    record Listed(PatrolCase c, String category, String grid, String href) {
    }

    /** A case waiting for the inspector's check, with the unit's handling result. */
    record Check(String taskId, Listed listed) {
    }

    @GetMapping("/m/cases")
    String myCases(@RequestParam(required = false) Long checked, Model model, Locale locale) {
        Map<String, String> categories = names.categories(locale);
        Map<Long, Map<String, String>> grids = new HashMap<>();
        java.util.function.Function<PatrolCase, Listed> listed = c -> new Listed(c,
                categories.getOrDefault(c.category(), c.category()),
                grids.computeIfAbsent(c.campaignId(), names::grids).getOrDefault(c.gridCode(), c.gridCode()),
                CaseSheet.href(c));
        List<Check> checks = new ArrayList<>();
        for (Task t : waitingChecks()) {
            Object caseId = tasks.getVariable(t.getId(), "caseId");
            if (caseId instanceof Number n) {
                checks.add(new Check(t.getId(), listed.apply(cases.view(n.longValue()))));
            }
        }
        List<PatrolCase> mine = cases.search(null, null, null, currentUser.id(), null, null, null, null, null, null);
        model.addAttribute("checks", checks);
        model.addAttribute("reported", (mine.size() > 30 ? mine.subList(0, 30) : mine).stream().map(listed).toList());
        model.addAttribute("checked", checked);
        return "m/cases";
    }

    @PostMapping("/m/cases/{taskId}/check")
    String check(@PathVariable String taskId, @RequestParam(required = false) String checkOutcome,
                 @RequestParam(required = false) String failReason) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("checkOutcome", checkOutcome);
        if (failReason != null && !failReason.isBlank()) {
            answers.put("failReason", failReason);
        }
        if (!PatrolCaseForms.CHECK_CASE.equals(work.get(taskId).taskDefinitionKey())) {
            throw ApiException.notFound("not-found");
        }
        Object caseId = tasks.getVariable(taskId, "caseId");
        work.complete(taskId, answers);
        return "redirect:/m/cases?checked=" + caseId;
    }

    private List<Task> waitingChecks() {
        return tasks.createTaskQuery().taskDefinitionKey(PatrolCaseForms.CHECK_CASE).taskAssignee(currentUser.id())
                .orderByDueDate().asc().list();
    }

    private static String[] choice(String grid) {
        if (grid == null || !grid.matches("\\d{1,18}:.+")) {
            throw ApiException.badRequest("required", "gridCode", "gridCode");
        }
        return grid.split(":", 2);
    }

    private static BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-value", field, field);
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
