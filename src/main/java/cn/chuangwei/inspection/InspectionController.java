package cn.chuangwei.inspection;

import cn.chuangwei.campaign.VisibleCampaigns;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every self-inspection round of a campaign with its scores and readings, so that progress between rounds shows. */
@RestController
class InspectionController {

    record RoundView(InspectionService.Round round, List<Map<String, Object>> scores, List<Map<String, Object>> readings) {
    }

    private final InspectionService inspection;
    private final JdbcClient jdbc;
    private final VisibleCampaigns campaigns;

    InspectionController(InspectionService inspection, JdbcClient jdbc, VisibleCampaigns campaigns) {
        this.inspection = inspection;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{campaignId}/inspections")
    List<RoundView> rounds(@PathVariable long campaignId) {
        campaigns.require(campaignId);
        inspection.standardOf(campaignId);
        return inspection.rounds(campaignId).stream().map(r -> new RoundView(r,
                jdbc.sql("""
                        select item_code as "itemCode", area_code as "areaCode", score, max_points as "maxPoints", findings, carried
                        from inspection_score where round_id = :r order by item_code""")
                        .param("r", r.id()).query().listOfRows(),
                jdbc.sql("""
                        select indicator_code as "indicatorCode", area_code as "areaCode", reading_number as "reading",
                               reading_grade as "grade", reading_bool as "achieved", result, carried
                        from inspection_reading where round_id = :r order by indicator_code""")
                        .param("r", r.id()).query().listOfRows()))
                .toList();
    }
}
