package cn.chuangwei.inspection;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.Provenance;
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

/**
 * A campaign's indicators with the thresholds in force: the standard's default, or the office's own for the campaign.
 * An indicator compared with a reference ({@link Threshold#GE_REFERENCE}) has no default: its threshold is the
 * reference the office enters with its source (e.g. 全省平均水平 and where it is published), or none yet. A trend
 * ({@link Threshold#NOT_RISING}) has no number to set. A threshold the office sets in place of the standard's is the
 * campaign's own: its provenance is then the office's ({@link Provenance#LOCAL_PRACTICE}, the source it gave and the day
 * it set it), no longer the standard's, so a verdict resting on it is not taken for one resting on the published text.
 * A reference value keeps the standard's provenance for the rule (≥ the reference) and its own source beside it.
 */
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

    /**
     * The office's own threshold of an indicator for a campaign: the value (a number, a grade, or true), where it is
     * from (null when the office did not say; always given for a reference value), who set it and when.
     */
    record Own(Object threshold, String source, String setBy, java.time.LocalDate setOn) {
    }

    /** An indicator of the campaign's standard: the standard's own, and the campaign's threshold in force for it. */
    record Entry(Standards.Indicator standard, Standards.Indicator inForce, Own own) {
    }

    public List<Standards.Indicator> inForce(long campaignId) {
        return entries(campaignId).stream().map(Entry::inForce).toList();
    }

    /** Every indicator of the campaign's standard in its order, with the standard's default and the campaign's own. */
    List<Entry> entries(long campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        Map<String, Own> own = new HashMap<>();
        jdbc.sql("select * from campaign_threshold where campaign_id = :c").param("c", campaignId).query(rs -> {
            own.put(rs.getString("indicator_code"), new Own(Standards.threshold(rs.getBigDecimal("threshold_number"),
                    rs.getString("threshold_grade"), (Boolean) rs.getObject("threshold_bool")),
                    rs.getString("reference_source"), rs.getString("set_by"),
                    rs.getTimestamp("set_at").toLocalDateTime().toLocalDate()));
        });
        return standards.indicators(c.standardCode()).stream().map(i -> {
            Own o = own.get(i.code());
            return new Entry(i, o == null ? i : new Standards.Indicator(i.code(), i.areaCode(), i.name(), i.nameEn(),
                    i.type(), i.unit(), i.comparison(), o.threshold(), i.veto(), i.itemCode(),
                    // a reference value is a fact with its own source; the rule it is compared by is the standard's
                    Threshold.GE_REFERENCE.equals(i.comparison()) ? i.source()
                            : new Provenance(o.source(), o.setOn(), null, Provenance.LOCAL_PRACTICE, null)), o);
        }).toList();
    }

    /**
     * Sets the campaign's own threshold of an indicator, with where it is from (e.g. the province's 细则) if the office
     * gives it; for one compared with a reference the source is required: a number without a source is what this
     * application exists to avoid.
     */
    @Transactional
    public Entry set(long campaignId, String indicatorCode, Object value, Object source, String user) {
        Standards.Indicator indicator = entry(campaignId, indicatorCode).inForce();
        if (Threshold.NOT_RISING.equals(indicator.comparison())) {
            throw ApiException.badRequest("threshold-not-allowed", "threshold", indicatorCode, indicator.comparison());
        }
        Threshold t = Threshold.of(indicator.type(), value, "threshold", indicatorCode);
        String referenceSource = source instanceof String s && !s.isBlank() ? s.strip() : null;
        if (source != null && !(source instanceof String)) {
            throw ApiException.badRequest("invalid-value", "source", "source");
        }
        if (referenceSource != null && referenceSource.length() > 200) {
            throw ApiException.badRequest("too-long", "source", "source", 200);
        }
        if (Threshold.GE_REFERENCE.equals(indicator.comparison()) && referenceSource == null) {
            throw ApiException.badRequest("reference-source-required", "source", indicatorCode);
        }
        jdbc.sql("delete from campaign_threshold where campaign_id = :c and indicator_code = :i")
                .param("c", campaignId).param("i", indicatorCode).update();
        jdbc.sql("""
                insert into campaign_threshold (campaign_id, indicator_code, threshold_number, threshold_grade, threshold_bool,
                                                reference_source, set_by, set_at)
                values (:c, :i, :n, :g, :b, :src, :u, :t)""")
                .param("c", campaignId).param("i", indicatorCode).param("n", t.number()).param("g", t.grade())
                .param("b", t.bool()).param("src", referenceSource).param("u", user)
                .param("t", Timestamp.from(clock.instant())).update();
        return entry(campaignId, indicatorCode);
    }

    /** One indicator of the campaign's standard with its threshold in force; 404 for one the standard does not have. */
    Entry entry(long campaignId, String indicatorCode) {
        return find(entries(campaignId), indicatorCode);
    }

    /** The entry of an indicator among a campaign's entries; 404 for one the standard does not have. */
    static Entry find(List<Entry> entries, String indicatorCode) {
        return entries.stream().filter(e -> e.standard().code().equals(indicatorCode)).findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown-indicator", indicatorCode));
    }

}
