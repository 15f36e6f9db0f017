package cn.chuangwei.inspection;

import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.standard.StandardVersions;
import cn.chuangwei.standard.StandardWorkbook;
import cn.chuangwei.standard.Standards;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
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

/** The standards (areas, items, indicators) and a campaign's thresholds in force. */
@RestController
class StandardController {

    private final Standards standards;
    private final CampaignThresholds thresholds;
    private final CurrentUser currentUser;

    private final VisibleCampaigns campaigns;
    private final StandardWorkbook workbook;
    private final StandardVersions versions;

    StandardController(Standards standards, CampaignThresholds thresholds, CurrentUser currentUser,
                       VisibleCampaigns campaigns, StandardWorkbook workbook, StandardVersions versions) {
        this.campaigns = campaigns;
        this.workbook = workbook;
        this.versions = versions;
        this.standards = standards;
        this.thresholds = thresholds;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/standards")
    List<String> codes() {
        return standards.codes();
    }

    @GetMapping("/api/standards/{code}")
    Standards.Standard standard(@PathVariable String code) {
        return standards.find(code).orElseThrow(() -> ApiException.notFound("unknown-standard-code", code));
    }

    /** Loads a standard file (YAML); a standard some campaign uses is not replaced but gets a new version. */
    @PostMapping(path = "/api/standards", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Standards.Standard> upload(@RequestParam("file") MultipartFile file) throws IOException {
        currentUser.requireOffice();
        if (file.getSize() > 1_000_000) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
        }
        Standards.Saved saved = standards.save(file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(standards.find(saved.code()).orElseThrow());
    }

    /** The blank workbook of a standard (sheets 标准, 方面, 条目, 指标 with their drop-down lists). */
    @GetMapping("/api/standards/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        return workbook.download(null, locale);
    }

    /** A version of a standard as a workbook, which loads again as the same standard. */
    @GetMapping("/api/standards/{code}/workbook.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String code, Locale locale) {
        return workbook.download(code, locale);
    }

    /** A family's versions, the latest first. */
    @GetMapping("/api/standards/{family}/versions")
    List<StandardVersions.Version> versions(@PathVariable String family) {
        List<StandardVersions.Version> all = versions.versions(family);
        if (all.isEmpty()) {
            throw ApiException.notFound("unknown-standard-code", family);
        }
        return all;
    }

    /**
     * Loads a standard from a workbook: refused with every cell at fault (sheet, row, column) and nothing written, or
     * written as its family's latest version (a new one when a campaign follows the one before).
     */
    @PostMapping(path = "/api/standards/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Standards.Saved> uploadWorkbook(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        currentUser.requireOffice();
        if (file == null) {
            throw ApiException.badRequest("required", "file", "file");
        }
        if (file.getSize() > StandardWorkbook.MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
        }
        Standards.Saved saved = standards.save(workbook.read(file.getBytes()));
        return ResponseEntity.status(saved.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
    }

    /** An indicator in force, and where its reference value is from when it is compared with one. */
    record InForce(@JsonUnwrapped Standards.Indicator indicator, String referenceSource) {

        /** The threshold in force, and the source the office gave for its own (a reference value's included). */
        static InForce of(CampaignThresholds.Entry e) {
            return new InForce(e.inForce(), e.own() == null ? null : e.own().source());
        }
    }

    @GetMapping("/api/campaigns/{campaignId}/thresholds")
    List<InForce> inForce(@PathVariable long campaignId) {
        campaigns.require(campaignId);
        return thresholds.entries(campaignId).stream().map(InForce::of).toList();
    }

    /**
     * Sets the campaign's threshold of an indicator: {@code {"threshold": 95}}; for one compared with a reference, the
     * reference and its source: {@code {"threshold": 71.2, "source": "…"}}.
     */
    @PutMapping("/api/campaigns/{campaignId}/thresholds/{indicator}")
    InForce set(@PathVariable long campaignId, @PathVariable String indicator, @RequestBody Map<String, Object> body) {
        currentUser.requireOffice();
        campaigns.requireOffice(campaignId);
        return InForce.of(thresholds.set(campaignId, indicator, body == null ? null : body.get("threshold"),
                body == null ? null : body.get("source"), currentUser.id()));
    }
}
