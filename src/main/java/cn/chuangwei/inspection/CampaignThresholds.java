package cn.chuangwei.inspection;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.standard.Threshold;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A campaign's indicators with the thresholds in force: the standard's default, or the office's own for the campaign. */
@Service
class CampaignThresholds {

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final Standards standards;
    private final Clock clock;

    CampaignThresholds(JdbcClient jdbc, CampaignRepository campaigns, Standards standards, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.standards = standards;
        this.clock = clock;
    }

    public List<Standards.Indicator> inForce(long campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        Map<String, Object> own = new HashMap<>();
        jdbc.sql("select * from campaign_threshold where campaign_id = :c").param("c", campaignId).query(rs -> {
            own.put(rs.getString("indicator_code"), Standards.threshold(rs.getBigDecimal("threshold_number"),
                    rs.getString("threshold_grade"), (Boolean) rs.getObject("threshold_bool")));
        });
        return standards.indicators(c.standardCode()).stream()
                .map(i -> own.containsKey(i.code()) ? new Standards.Indicator(i.code(), i.areaCode(), i.name(), i.nameEn(),
                        i.type(), i.unit(), i.comparison(), own.get(i.code()), i.veto(), i.itemCode(), i.source()) : i)
                .toList();
    }

    @Transactional
    public Standards.Indicator set(long campaignId, String indicatorCode, Object value, String user) {
        Standards.Indicator indicator = inForce(campaignId).stream().filter(i -> i.code().equals(indicatorCode)).findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown-indicator", indicatorCode));
        Threshold t = Threshold.of(indicator.type(), value, "threshold", indicatorCode);
        jdbc.sql("delete from campaign_threshold where campaign_id = :c and indicator_code = :i")
                .param("c", campaignId).param("i", indicatorCode).update();
        jdbc.sql("""
                insert into campaign_threshold (campaign_id, indicator_code, threshold_number, threshold_grade, threshold_bool,
                                                set_by, set_at)
                values (:c, :i, :n, :g, :b, :u, :t)""")
                .param("c", campaignId).param("i", indicatorCode).param("n", t.number()).param("g", t.grade())
                .param("b", t.bool()).param("u", user).param("t", Timestamp.from(clock.instant())).update();
        return inForce(campaignId).stream().filter(i -> i.code().equals(indicatorCode)).findFirst().orElseThrow();
    }

}
