package cn.chuangwei.supervision;

import cn.chuangwei.escalation.EscalationRepository;
import cn.chuangwei.kernel.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The supervisors' audit: open tasks with their colours, the overdue list, the ladder's steps, circulars. */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    static final Map<String, MediaType> FORMATS = Map.of(
            "pdf", MediaType.APPLICATION_PDF,
            "docx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final SupervisionService supervision;
    private final CircularService circulars;
    private final EscalationRepository steps;
    private final SupervisionExports exports;

    SupervisionController(SupervisionService supervision, CircularService circulars, EscalationRepository steps,
                          SupervisionExports exports) {
        this.supervision = supervision;
        this.circulars = circulars;
        this.steps = steps;
        this.exports = exports;
    }

    @GetMapping("/overdue")
    List<OpenTask> overdue(@RequestParam(required = false) Long campaignId, @RequestParam(required = false) String phase,
                           @RequestParam(required = false) String unit, @RequestParam(required = false) String deputy,
                           @RequestParam(required = false) String level, @RequestParam(required = false) String minDays,
                           @RequestParam(required = false) String critical) {
        return supervision.overdue(SupervisionService.Filter.parse(campaignId, phase, unit, deputy, level, minDays,
                critical));
    }

    /** The overdue list as Excel, with the same filters and the same visibility as the list. */
    @GetMapping("/overdue/xlsx")
    ResponseEntity<byte[]> overdueExcel(@RequestParam(required = false) Long campaignId,
                                        @RequestParam(required = false) String phase,
                                        @RequestParam(required = false) String unit,
                                        @RequestParam(required = false) String deputy,
                                        @RequestParam(required = false) String level,
                                        @RequestParam(required = false) String minDays,
                                        @RequestParam(required = false) String critical,
                                        @RequestParam(defaultValue = "zh") String lang) {
        return exports.overdue(supervision.overdue(SupervisionService.Filter.parse(campaignId, phase, unit, deputy, level,
                minDays, critical)), lang);
    }

    @GetMapping("/tasks")
    List<OpenTask> open(@RequestParam(required = false) Long campaignId, @RequestParam(required = false) String phase,
                        @RequestParam(required = false) String unit, @RequestParam(required = false) String deputy) {
        return supervision.open(filter(campaignId, phase, unit, deputy, null));
    }

    @GetMapping("/escalations")
    List<EscalationRepository.Step> escalations(@RequestParam long campaignId) {
        supervision.requireAuditor(campaignId);
        return steps.ofCampaign(campaignId);
    }

    @PostMapping("/circulars")
    ResponseEntity<CircularService.Summary> issue(@RequestBody CircularService.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(circulars.issue(request));
    }

    @GetMapping("/circulars")
    List<CircularService.Summary> circulars(@RequestParam(required = false) Long campaignId) {
        return circulars.list(campaignId);
    }

    @GetMapping("/circulars/{id}/{format}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String format) {
        return document(circulars, id, format);
    }

    /** A circular's PDF, Word or Excel as a download named by its number, for whoever may read it (API and board). */
    static ResponseEntity<byte[]> document(CircularService circulars, long id, String format) {
        CircularService.Summary c = circulars.find(id);
        MediaType type = FORMATS.get(format.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw ApiException.badRequest("invalid-choice", "format", "format", format, "pdf, docx, xlsx");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.number() + "." + format.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8).build().toString())
                .body(circulars.document(id, format.toLowerCase(Locale.ROOT)));
    }

    private static SupervisionService.Filter filter(Long campaignId, String phase, String unit, String deputy, String level) {
        return SupervisionService.Filter.parse(campaignId, phase, unit, deputy, level);
    }
}
