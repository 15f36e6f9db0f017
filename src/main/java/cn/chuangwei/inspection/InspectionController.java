package cn.chuangwei.inspection;

import cn.chuangwei.campaign.VisibleCampaigns;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every self-inspection round of a campaign with its scores and readings, so that progress between rounds shows. */
@RestController
class InspectionController {

    /** A round with its scores, readings, and the verdicts that rest on thresholds not verified. */
    record RoundView(InspectionService.Round round, List<Map<String, Object>> scores, List<Map<String, Object>> readings,
                     UnverifiedVerdicts.Report unverified) {
    }

    private final InspectionService inspection;
    private final RoundRecords records;
    private final VisibleCampaigns campaigns;
    private final UnverifiedVerdicts unverified;

    InspectionController(InspectionService inspection, RoundRecords records, VisibleCampaigns campaigns,
                         UnverifiedVerdicts unverified) {
        this.unverified = unverified;
        this.inspection = inspection;
        this.records = records;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{campaignId}/inspections")
    List<RoundView> rounds(@PathVariable long campaignId) {
        campaigns.require(campaignId);
        inspection.standardOf(campaignId);
        return inspection.rounds(campaignId).stream()
                .map(r -> new RoundView(r, records.scores(r.id()), records.readings(r.id()), unverified.of(campaignId, r.id())))
                .toList();
    }
}
