package cn.chuangwei.inspection;

import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The application dossier as a ZIP, and its gaps (items without evidence) before submission. */
@RestController
class DossierController {

    private final DossierService dossiers;
    private final DossierDocuments documents;
    private final CurrentUser currentUser;
    private final VisibleCampaigns visible;

    DossierController(DossierService dossiers, DossierDocuments documents, CurrentUser currentUser, VisibleCampaigns visible) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.currentUser = currentUser;
        this.visible = visible;
    }

    @GetMapping("/api/campaigns/{campaignId}/dossier")
    ResponseEntity<byte[]> zip(@PathVariable long campaignId) {
        visible.requireAllUnits(campaignId);
        Dossier d = dossiers.dossier(campaignId, true);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.campaignName() + "-申报材料.zip", StandardCharsets.UTF_8).build().toString())
                .body(documents.zip(d));
    }

    @GetMapping("/api/campaigns/{campaignId}/dossier/gaps")
    Map<String, Object> gaps(@PathVariable long campaignId) {
        visible.requireAllUnits(campaignId);
        List<String> gaps = dossiers.dossier(campaignId, false).gaps();
        return Map.of("campaignId", campaignId, "gaps", gaps, "count", gaps.size());
    }
}
