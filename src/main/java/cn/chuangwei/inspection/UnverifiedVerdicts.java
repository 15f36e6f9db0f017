package cn.chuangwei.inspection;

import cn.chuangwei.standard.Provenance;
import cn.chuangwei.standard.Standards;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which verdicts of a self-inspection round rest on a threshold not verified against a published text: every reading
 * judged against an indicator whose source is not {@link Provenance#PUBLISHED} (a threshold taken from an older
 * standard, ours, or a province's practice), and the standard's own points and pass score when the standard is not
 * verified. The board's readiness panel, the round's API, the dossier's index and its work report say them by name.
 */
@Component
public class UnverifiedVerdicts {

    /** A reading's verdict (its result) and where the indicator's threshold comes from. */
    public record Verdict(String code, String nameZh, String nameEn, String result, Provenance source) {
    }

    /** A round's verdicts resting on unverified thresholds, and the standard's own source. */
    public record Report(List<Verdict> indicators, Provenance standard) {

        /** Whether the points, the pass score and the veto wording the readiness rests on are unverified. */
        @JsonProperty("standardUnverified")
        public boolean standardUnverified() {
            return standard == null || !standard.verified();
        }

        public boolean any() {
            return !indicators.isEmpty() || standardUnverified();
        }
    }

    private final JdbcClient jdbc;
    private final CampaignThresholds thresholds;
    private final InspectionService inspection;
    private final MessageSource messages;

    UnverifiedVerdicts(JdbcClient jdbc, CampaignThresholds thresholds, InspectionService inspection,
                       MessageSource messages) {
        this.jdbc = jdbc;
        this.thresholds = thresholds;
        this.inspection = inspection;
        this.messages = messages;
    }

    /** The campaign's latest round's report; none before its first round. */
    public Optional<Report> latest(long campaignId) {
        return inspection.current(campaignId).map(r -> of(campaignId, r.id()));
    }

    /** The report of one round, the indicators in the standard's order. */
    public Report of(long campaignId, long roundId) {
        Map<String, String> results = new HashMap<>();
        jdbc.sql("select indicator_code, result from inspection_reading where round_id = :r").param("r", roundId)
                .query(rs -> {
                    results.put(rs.getString("indicator_code"), rs.getString("result"));
                });
        List<Verdict> unverified = new ArrayList<>();
        for (Standards.Indicator i : thresholds.inForce(campaignId)) {
            if (results.containsKey(i.code()) && (i.source() == null || !i.source().verified())) {
                unverified.add(new Verdict(i.code(), i.name(), i.nameEn(), results.get(i.code()), i.source()));
            }
        }
        return new Report(unverified, inspection.standardOf(campaignId).source());
    }

    /**
     * The report in words, one line each: the standard's own caveat first, then every indicator by name with its
     * verdict and the source of its threshold. No line when everything is verified.
     */
    public List<String> lines(Report report, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (report.standardUnverified()) {
            lines.add(messages.getMessage("unverified.standard", new Object[] {document(report.standard(), locale),
                    status(report.standard(), locale)}, locale));
        }
        boolean english = "en".equals(locale.getLanguage());
        for (Verdict v : report.indicators()) {
            String result = v.result() == null ? messages.getMessage("unverified.result.none", null, locale)
                    : messages.getMessage("inspection.result." + v.result(), null, v.result(), locale);
            lines.add(messages.getMessage("unverified.line", new Object[] {english ? v.nameEn() : v.nameZh(), result,
                    document(v.source(), locale), status(v.source(), locale)}, locale));
        }
        return lines;
    }

    private String document(Provenance p, Locale locale) {
        if (p == null) {
            return messages.getMessage("provenance.no-source", null, locale);
        }
        // a threshold the office set for the campaign without saying where it is from
        return p.document() == null ? messages.getMessage("provenance.campaign-own", null, locale) : p.document();
    }

    private String status(Provenance p, Locale locale) {
        return messages.getMessage("provenance.status." + (p == null ? "NONE" : p.status()), null, locale);
    }
}
