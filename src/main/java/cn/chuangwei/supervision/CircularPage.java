package cn.chuangwei.supervision;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Circulars on the board: the preview of a circular of the overdue tasks a supervisor picked (the sheet of its print
 * view), issuing it, the campaign's list of circulars, and each one's print view (the PDF's template as a page, an A4
 * sheet on screen that the browser prints as the notice), PDF and Word. Preview and issue are for the town's
 * supervisors and office, the rest for whoever may read the circulars (the supervisors, the office, the leading group).
 */
@Page
class CircularPage {

    /** A circular as its list shows it: its date in Chinese, the units named and who issued it by name. */
    record Entry(long id, String number, String title, String date, String units, int tasks, String issuedBy) {
    }

    private final CircularService circulars;
    private final VisibleCampaigns visible;
    private final Directory directory;
    private final Texts texts;
    private final java.time.ZoneId zone;

    CircularPage(CircularService circulars, VisibleCampaigns visible, Directory directory, Texts texts,
                 cn.chuangwei.calendar.DueDates dueDates) {
        this.circulars = circulars;
        this.visible = visible;
        this.directory = directory;
        this.texts = texts;
        this.zone = dueDates.zone();
    }

    @GetMapping("/board/{campaignId:\\d+}/circulars")
    String list(@PathVariable long campaignId, @RequestParam(required = false) String issued, Model model,
                Locale locale) {
        Campaign c = visible.requireAllUnits(campaignId);
        List<CircularService.Summary> all = new ArrayList<>(circulars.list(campaignId));
        java.util.Collections.reverse(all);
        java.util.function.Function<String, String> people = directory.displayNames();
        List<Entry> rows = all.stream().map(s -> new Entry(s.id(), s.number(), s.title(),
                ChineseDates.format(LocalDate.ofInstant(s.issuedAt(), zone)), String.join("、", s.units()), s.tasks(),
                people.apply(s.issuedBy()))).toList();
        model.addAttribute("title", texts.get("page.circulars.title", locale, c.name()));
        model.addAttribute("base", "/board/" + campaignId);
        model.addAttribute("rows", rows);
        model.addAttribute("issued", rows.stream().filter(r -> String.valueOf(r.id()).equals(issued)).findFirst()
                .orElse(null));
        model.addAttribute("mayIssue", circulars.mayIssue(campaignId));
        return "circulars";
    }

    @GetMapping("/board/{campaignId:\\d+}/circulars/preview")
    String preview(@PathVariable long campaignId, @RequestParam(name = "task", required = false) List<String> tasks,
                   @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                   @RequestParam(required = false) String phase, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String level, @RequestParam(required = false) String minDays,
                   @RequestParam(required = false) String critical, Model model, Locale locale,
                   HttpServletResponse response) {
        AuditQuery query = AuditQuery.of(phase, unit, level, minDays, critical);
        try {
            return preview(campaignId, tasks, title, body, query, null, model, locale);
        } catch (ApiException e) {
            return refused(e, campaignId, tasks, query, model, locale, response);
        }
    }

    @PostMapping("/board/{campaignId:\\d+}/circulars")
    String issue(@PathVariable long campaignId, @RequestParam(name = "task", required = false) List<String> tasks,
                 @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                 @RequestParam(required = false) String token,
                 @RequestParam(required = false) String phase, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String level, @RequestParam(required = false) String minDays,
                 @RequestParam(required = false) String critical, Model model, Locale locale,
                 HttpServletResponse response) {
        AuditQuery query = AuditQuery.of(phase, unit, level, minDays, critical);
        CircularService.Summary issued;
        try {
            issued = circulars.issue(request(campaignId, tasks, title, body, token));
        } catch (DataIntegrityViolationException e) {
            // the same form submitted twice at once: the other submission issued it
            issued = circulars.find(circulars.issuedFor(token == null ? "" : token).orElseThrow(() -> e));
        } catch (ApiException e) {
            return refused(e, campaignId, tasks, query, model, locale, response);
        }
        return "redirect:/board/" + issued.campaignId() + "/circulars?issued=" + issued.id();
    }

    @GetMapping("/board/circulars/{id}/print")
    ResponseEntity<String> print(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(circulars.printView(id));
    }

    @GetMapping("/board/circulars/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return SupervisionController.document(circulars, id, "pdf");
    }

    @GetMapping("/board/circulars/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return SupervisionController.document(circulars, id, "docx");
    }

    private String preview(long campaignId, List<String> tasks, String title, String body, AuditQuery query,
                           String error, Model model, Locale locale) {
        Campaign c = visible.requireAllUnits(campaignId);
        model.addAttribute("campaign", c);
        model.addAttribute("base", "/board/" + campaignId);
        model.addAttribute("query", query);
        model.addAttribute("back", query.href("/board/" + campaignId + "/overdue", null));
        model.addAttribute("error", error);
        model.addAttribute("preview", null);
        if (error == null) {
            CircularService.Request r = request(campaignId, tasks, title, body, null);
            model.addAttribute("preview", circulars.preview(r));
            model.addAttribute("tasks", r.tasks());
            model.addAttribute("token", UUID.randomUUID().toString());
        }
        return "circular-preview";
    }

    /**
     * A refusal of the preview or of issuing, on the preview's page: a request that cannot be read or a rule broken
     * (400) in the reader's language, with the way back to the audit; a refusal of who asks (403, 404) as an error page.
     */
    private String refused(ApiException e, long campaignId, List<String> tasks, AuditQuery query, Model model,
                           Locale locale, HttpServletResponse response) {
        if (e.status().value() == 403 || e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        String message = "en".equals(Pages.lang(locale)) ? texts.en("error." + e.code(), e.args())
                : texts.zh("error." + e.code(), e.args());
        return preview(campaignId, tasks, null, null, query, message, model, locale);
    }

    /** The page's fields as a request: the picked tasks' ids (none picked is an empty list, not a period). */
    private static CircularService.Request request(long campaignId, List<String> tasks, String title, String body,
                                                   String token) {
        List<Long> ids = new ArrayList<>();
        for (String t : tasks == null ? List.<String>of() : tasks) {
            try {
                ids.add(Long.valueOf(t.trim()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("circular-picked-not-overdue", "tasks", 1);
            }
        }
        return new CircularService.Request(campaignId, null, null, title, body, ids,
                token == null || token.isBlank() ? null : token);
    }
}
