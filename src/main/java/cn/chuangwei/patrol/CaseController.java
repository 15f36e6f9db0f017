package cn.chuangwei.patrol;

import cn.chuangwei.calendar.Months;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.task.EvidenceSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Patrol and complaint cases: report, follow, photos, the caller's reply, grids and the monthly indicators. */
@RestController
class CaseController {

    private final CaseService cases;
    private final CaseSheet sheets;
    private final CaseStats stats;
    private final CaseExports exports;
    private final long maxPhotoBytes;

    private final VisibleCampaigns campaigns;

    CaseController(CaseService cases, CaseSheet sheets, CaseStats stats, CaseExports exports,
                   VisibleCampaigns campaigns, EvidenceSettings limits) {
        this.campaigns = campaigns;
        this.cases = cases;
        this.sheets = sheets;
        this.stats = stats;
        this.exports = exports;
        this.maxPhotoBytes = limits.maxBytes();
    }

    @PostMapping("/api/cases")
    ResponseEntity<PatrolCase> report(@RequestBody CaseService.Report report) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.report(report, false));
    }

    @PostMapping("/api/cases/complaints")
    ResponseEntity<PatrolCase> complaint(@RequestBody CaseService.Report report) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.report(report, true));
    }

    @GetMapping("/api/cases")
    List<PatrolCase> list(@RequestParam(required = false) Long campaignId, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String unit) {
        return cases.list(campaignId, status, unit);
    }

    @GetMapping("/api/cases/stats")
    CaseStats.Stats stats(@RequestParam long campaignId, @RequestParam String month) {
        campaigns.requirePatrol(campaignId);
        return stats.month(campaignId, Months.parse(month));
    }

    /** The month's indicators per responsible unit as Excel, for the weekly meeting. */
    @GetMapping("/api/cases/stats/xlsx")
    ResponseEntity<byte[]> statsExcel(@RequestParam long campaignId, @RequestParam String month,
                                      @RequestParam(defaultValue = "zh") String lang) {
        campaigns.requirePatrol(campaignId);
        return exports.indicators(campaignId, Months.parse(month), lang);
    }

    @GetMapping("/api/cases/{id}")
    PatrolCase get(@PathVariable long id) {
        return cases.view(id);
    }

    /** The case's history: each step's code and its name, who took it (id and name), its note as recorded and in words. */
    @GetMapping("/api/cases/{id}/events")
    List<CaseSheet.Event> events(@PathVariable long id, java.util.Locale locale) {
        return sheets.history(id, locale);
    }

    @PostMapping(path = "/api/cases/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> photo(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        long photo = cases.photo(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), maxPhotoBytes);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseId", id, "photoId", photo));
    }

    @PostMapping("/api/cases/{id}/feedback")
    Map<String, Object> feedback(@PathVariable long id, @RequestBody Map<String, Boolean> body) {
        cases.feedback(id, body == null ? null : body.get("satisfied"));
        return Map.of("caseId", id, "recorded", true);
    }

    @GetMapping("/api/campaigns/{campaignId}/grids")
    List<CaseService.Grid> grids(@PathVariable long campaignId) {
        campaigns.requirePatrol(campaignId);
        return cases.grids(campaignId);
    }

    @PutMapping("/api/campaigns/{campaignId}/grids")
    List<CaseService.Grid> saveGrids(@PathVariable long campaignId, @RequestBody List<CaseService.Grid> grids) {
        return cases.saveGrids(campaignId, grids);
    }
}
