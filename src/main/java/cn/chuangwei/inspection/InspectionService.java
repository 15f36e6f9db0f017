package cn.chuangwei.inspection;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignMember;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.MemberRole;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.standard.StandardAreas;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.task.RowCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Self-inspection against the campaign's standard (对照标准自查评分): rounds of area score sheets and indicator
 * readings. A round after RECTIFY keeps what passed and asks again only for the items and indicators that failed.
 */
@Service("inspection")
public class InspectionService {

    /** A round's current state. */
    public record Round(long id, long campaignId, int roundNo, Instant startedAt, Instant evaluatedAt, String outcome,
                        BigDecimal totalScore, Integer maxScore, Integer vetoFailed, Integer failedIndicators,
                        Integer areasBelowMin) {
    }

    /** What the decision table decides readiness from. */
    public record Summary(int vetoFailed, int failedIndicators, int areasBelowMin, double scoreOverPass,
                          BigDecimal totalScore, int maxScore) {
    }

    /** A failed item or indicator, to be rectified. */
    public record Failure(String areaCode, String title, String target) {
    }

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final Standards standards;
    private final CampaignThresholds thresholds;
    private final DueDates dueDates;
    private final RowCounts rowCounts;
    private final Clock clock;
    private final Texts texts;
    private final Requirements requirements;

    InspectionService(JdbcClient jdbc, CampaignRepository campaigns, Standards standards, CampaignThresholds thresholds,
                      DueDates dueDates, Clock clock, RowCounts rowCounts, Texts texts, Requirements requirements) {
        this.texts = texts;
        this.requirements = requirements;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.standards = standards;
        this.thresholds = thresholds;
        this.dueDates = dueDates;
        this.rowCounts = rowCounts;
        this.clock = clock;
    }

    Standards.Standard standardOf(long campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        return standards.find(c.standardCode())
                .orElseThrow(() -> new IllegalStateException("standard " + c.standardCode() + " is not loaded"));
    }

    /** Opens the next round; after a RECTIFY round what passed is carried over, any other round starts afresh (re-review). */
    public Round startRound(long campaignId) {
        Optional<Round> previous = current(campaignId);
        int no = previous.map(r -> r.roundNo() + 1).orElse(1);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into inspection_round (campaign_id, round_no, started_at) values (:c, :n, :t)")
                .param("c", campaignId).param("n", no).param("t", now).update();
        Round round = current(campaignId).orElseThrow();
        if (previous.isPresent() && "RECTIFY".equals(previous.get().outcome())) {
            long prev = previous.get().id();
            BigDecimal minShare = standardOf(campaignId).minAreaShare();
            jdbc.sql("""
                    insert into inspection_score (round_id, item_code, area_code, score, max_points, findings, carried, scored_by, scored_at)
                    select :r, item_code, area_code, score, max_points, findings, true, scored_by, :t from inspection_score
                    where round_id = :p and score >= max_points * :share""")
                    .param("r", round.id()).param("p", prev).param("share", minShare).param("t", now).update();
            jdbc.sql("""
                    insert into inspection_reading (round_id, indicator_code, area_code, reading_number, reading_grade, reading_bool,
                                                    reading_first, reading_second, result, carried, entered_by, entered_at)
                    select :r, indicator_code, area_code, reading_number, reading_grade, reading_bool, reading_first,
                           reading_second, result, true, entered_by, :t
                    from inspection_reading where round_id = :p and result = 'COMPLIANT'""")
                    .param("r", round.id()).param("p", prev).param("t", now).update();
        }
        return round;
    }

    public Optional<Round> current(long campaignId) {
        return rounds(campaignId).stream().reduce((a, b) -> b);
    }

    public List<Round> rounds(long campaignId) {
        return jdbc.sql("select * from inspection_round where campaign_id = :c order by round_no").param("c", campaignId)
                .query((rs, n) -> new Round(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("round_no"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("evaluated_at") == null ? null
                        : rs.getTimestamp("evaluated_at").toInstant(), rs.getString("outcome"), rs.getBigDecimal("total_score"),
                        (Integer) rs.getObject("max_score"), (Integer) rs.getObject("veto_failed"),
                        (Integer) rs.getObject("failed_indicators"), (Integer) rs.getObject("areas_below_min")))
                .list();
    }

    private Round open(long campaignId) {
        return current(campaignId).filter(r -> r.evaluatedAt() == null)
                .orElseThrow(() -> ApiException.conflict("no-open-inspection", "campaignId", campaignId));
    }

    /** The items of an area still to be scored in the open round. */
    public List<Standards.Item> itemsToScore(long campaignId, String areaCode) {
        Round r = open(campaignId);
        Set<String> done = new LinkedHashSet<>(jdbc.sql("select item_code from inspection_score where round_id = :r")
                .param("r", r.id()).query(String.class).list());
        return standardOf(campaignId).items().stream().filter(i -> i.areaCode().equals(areaCode) && !done.contains(i.code()))
                .toList();
    }

    /** The areas with items still to be scored in the open round: one score sheet each. */
    public List<String> sheetAreas(long campaignId) {
        return standardOf(campaignId).areas().stream().map(StandardAreas.Area::code)
                .filter(a -> !itemsToScore(campaignId, a).isEmpty()).toList();
    }

    /** The indicators still to be read in the open round. */
    public List<Standards.Indicator> indicatorsToRead(long campaignId) {
        Round r = open(campaignId);
        Set<String> done = new LinkedHashSet<>(jdbc.sql("select indicator_code from inspection_reading where round_id = :r")
                .param("r", r.id()).query(String.class).list());
        return thresholds.inForce(campaignId).stream().filter(i -> !done.contains(i.code())).toList();
    }

    /** The inspection team member who scores an area: the campaign's supervisors in turn, else its office. */
    public String inspectorFor(long campaignId, String areaCode) {
        List<CampaignMember> members = campaigns.members(campaignId);
        List<String> team = members.stream().filter(m -> m.role() == MemberRole.SUPERVISOR).map(CampaignMember::userId)
                .sorted().toList();
        if (team.isEmpty()) {
            team = members.stream().filter(m -> m.role() == MemberRole.OFFICE).map(CampaignMember::userId).sorted().toList();
        }
        List<String> areas = standardOf(campaignId).areas().stream().map(StandardAreas.Area::code).toList();
        return team.get(Math.max(0, areas.indexOf(areaCode)) % team.size());
    }

    /**
     * Records an area's score sheet: one line per item, {@code code,score,findings}. Every item of the area still to be
     * scored must be there once, with a score from 0 to its points. Refuses naming the line.
     */
    public void recordScores(long campaignId, String areaCode, String sheet, String user) {
        Round r = open(campaignId);
        Map<String, Standards.Item> wanted = itemsToScore(campaignId, areaCode).stream()
                .collect(Collectors.toMap(Standards.Item::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Object[]> scores = new LinkedHashMap<>();
        for (SheetLines.Line line : SheetLines.read(sheet, 3, wanted.keySet(), "scores",
                (n, code) -> ApiException.badRow("unknown-item-code", n, "scores", code, areaCode))) {
            Standards.Item item = wanted.get(line.code());
            String value = line.part(1);
            BigDecimal score;
            try {
                score = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw ApiException.badRow("invalid-score", line.number(), "scores", line.code(), value, item.points());
            }
            if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(item.points())) > 0) {
                throw ApiException.badRow("invalid-score", line.number(), "scores", line.code(), score, item.points());
            }
            String findings = line.parts().length > 2 ? line.part(2) : null;
            if (findings != null && findings.length() > 1000) {
                throw ApiException.badRow("too-long", line.number(), "scores", line.code(), 1000);
            }
            scores.put(line.code(), new Object[] {item, score, findings});
        }
        SheetLines.requireAll(wanted.keySet(), scores.keySet(), "scores", "item-not-scored");
        Timestamp now = Timestamp.from(clock.instant());
        for (Object[] s : scores.values()) {
            Standards.Item item = (Standards.Item) s[0];
            jdbc.sql("""
                    insert into inspection_score (round_id, item_code, area_code, score, max_points, findings, carried, scored_by, scored_at)
                    values (:r, :c, :a, :s, :p, :f, false, :u, :t)""")
                    .param("r", r.id()).param("c", item.code()).param("a", item.areaCode()).param("s", s[1])
                    .param("p", item.points()).param("f", s[2]).param("u", user).param("t", now).update();
        }
    }

    /**
     * Records the indicator readings: one line per indicator, {@code code,reading}: a percentage 0–100, a number, a
     * grade A–D, or 是/否. Every indicator still to be read must be there once.
     */
    public void recordReadings(long campaignId, String text, String user) {
        Round r = open(campaignId);
        Map<String, Standards.Indicator> wanted = indicatorsToRead(campaignId).stream()
                .collect(Collectors.toMap(Standards.Indicator::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Object[]> readings = new LinkedHashMap<>();
        for (SheetLines.Line line : SheetLines.read(text, 2, wanted.keySet(), "readings",
                (n, code) -> ApiException.badRow("unknown-indicator-code", n, "readings", code))) {
            Standards.Indicator ind = wanted.get(line.code());
            readings.put(line.code(), new Object[] {ind, Reading.parse(ind.type(), ind.comparison(), line.part(1),
                    line.number(), line.code())});
        }
        SheetLines.requireAll(wanted.keySet(), readings.keySet(), "readings", "indicator-not-read");
        Timestamp now = Timestamp.from(clock.instant());
        for (Object[] v : readings.values()) {
            Standards.Indicator ind = (Standards.Indicator) v[0];
            Reading reading = (Reading) v[1];
            jdbc.sql("""
                    insert into inspection_reading (round_id, indicator_code, area_code, reading_number, reading_grade, reading_bool,
                                                    reading_first, reading_second, carried, entered_by, entered_at)
                    values (:r, :c, :a, :n, :g, :b, :f, :s, false, :u, :t)""")
                    .param("r", r.id()).param("c", ind.code()).param("a", ind.areaCode()).param("n", reading.number())
                    .param("g", reading.grade()).param("b", reading.bool()).param("f", reading.first())
                    .param("s", reading.second()).param("u", user).param("t", now).update();
        }
    }

    /** Readings of the open round with the thresholds in force, for the compliance decision. */
    public List<Map<String, Object>> readingsToJudge(long campaignId) {
        Round r = open(campaignId);
        Map<String, Standards.Indicator> inForce = thresholds.inForce(campaignId).stream()
                .collect(Collectors.toMap(Standards.Indicator::code, Function.identity()));
        List<Map<String, Object>> out = new ArrayList<>();
        jdbc.sql("select * from inspection_reading where round_id = :r order by indicator_code").param("r", r.id())
                .query(rs -> {
                    Standards.Indicator ind = inForce.get(rs.getString("indicator_code"));
                    Map<String, Object> v = new HashMap<>();
                    v.put("code", ind.code());
                    v.put("comparison", ind.comparison());
                    v.put("veto", ind.veto());
                    v.put("reading", decimal(rs.getBigDecimal("reading_number")));
                    // a three-year trend: the oldest and the middle year; "reading" is the latest
                    v.put("reading1", decimal(rs.getBigDecimal("reading_first")));
                    v.put("reading2", decimal(rs.getBigDecimal("reading_second")));
                    v.put("grade", rs.getString("reading_grade"));
                    v.put("achieved", rs.getObject("reading_bool"));
                    v.put("threshold", ind.threshold() instanceof BigDecimal b ? b.doubleValue() : null);
                    v.put("gradeThreshold", ind.threshold() instanceof String s ? s : null);
                    out.add(v);
                });
        return out;
    }

    private static Double decimal(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    public void recordResult(long campaignId, String indicatorCode, String result) {
        jdbc.sql("update inspection_reading set result = :res where round_id = :r and indicator_code = :c")
                .param("res", result).param("r", open(campaignId).id()).param("c", indicatorCode).update();
    }

    /** Sums the open round up for the readiness decision and records the figures on the round. */
    public Summary summarize(long campaignId) {
        Round r = open(campaignId);
        Standards.Standard std = standardOf(campaignId);
        Map<String, BigDecimal[]> areas = new LinkedHashMap<>();
        Map<String, Boolean> vetoItem = std.items().stream().collect(Collectors.toMap(Standards.Item::code, Standards.Item::veto));
        int[] vetoItemsFailed = {0};
        jdbc.sql("select * from inspection_score where round_id = :r").param("r", r.id()).query(rs -> {
            BigDecimal score = rs.getBigDecimal("score");
            int max = rs.getInt("max_points");
            BigDecimal[] a = areas.computeIfAbsent(rs.getString("area_code"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            a[0] = a[0].add(score);
            a[1] = a[1].add(BigDecimal.valueOf(max));
            if (Boolean.TRUE.equals(vetoItem.get(rs.getString("item_code"))) && score.compareTo(BigDecimal.valueOf(max)) < 0) {
                vetoItemsFailed[0]++;
            }
        });
        Map<String, Integer> results = new HashMap<>();
        jdbc.sql("select result, count(*) as n from inspection_reading where round_id = :r group by result")
                .param("r", r.id()).query(rs -> {
                    results.put(rs.getString("result"), rs.getInt("n"));
                });
        int missing = (int) std.indicators().size() - results.values().stream().mapToInt(Integer::intValue).sum();
        BigDecimal total = areas.values().stream().map(a -> a[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
        int max = std.items().stream().mapToInt(Standards.Item::points).sum();
        int below = (int) areas.values().stream()
                .filter(a -> a[1].signum() > 0 && a[0].divide(a[1], 4, RoundingMode.HALF_UP).compareTo(std.minAreaShare()) < 0)
                .count();
        Summary s = new Summary(results.getOrDefault("VETO_FAILED", 0) + vetoItemsFailed[0],
                results.getOrDefault("FAILED", 0) + results.getOrDefault("MISSING", 0)
                        + results.getOrDefault("NO_REFERENCE", 0) + Math.max(0, missing), below,
                total.divide(std.passScore(), 4, RoundingMode.HALF_UP).doubleValue(), total, max);
        jdbc.sql("""
                update inspection_round set total_score = :t, max_score = :m, veto_failed = :v, failed_indicators = :f,
                       areas_below_min = :b where id = :id""")
                .param("t", total).param("m", max).param("v", s.vetoFailed()).param("f", s.failedIndicators())
                .param("b", below).param("id", r.id()).update();
        return s;
    }

    /** The items and indicators of the open round that failed, for rectification. */
    public List<Failure> failures(long campaignId) {
        Round r = open(campaignId);
        Standards.Standard std = standardOf(campaignId);
        Map<String, Standards.Item> items = std.items().stream().collect(Collectors.toMap(Standards.Item::code, Function.identity()));
        Map<String, Standards.Indicator> inds = thresholds.inForce(campaignId).stream()
                .collect(Collectors.toMap(Standards.Indicator::code, Function.identity()));
        List<Failure> out = new ArrayList<>();
        jdbc.sql("select * from inspection_score where round_id = :r and score < max_points * :share order by item_code")
                .param("r", r.id()).param("share", std.minAreaShare()).query(rs -> {
                    Standards.Item i = items.get(rs.getString("item_code"));
                    String findings = rs.getString("findings");
                    out.add(new Failure(i.areaCode(), texts.zh("inspection.failure.item", i.name()), findings == null
                            ? i.requirement() : texts.zh("inspection.failure.findings", i.requirement(), findings)));
                });
        jdbc.sql("select * from inspection_reading where round_id = :r and result in ('FAILED', 'VETO_FAILED', 'MISSING', "
                        + "'NO_REFERENCE') order by indicator_code").param("r", r.id()).query(rs -> {
                    Standards.Indicator i = inds.get(rs.getString("indicator_code"));
                    out.add("NO_REFERENCE".equals(rs.getString("result"))
                            ? new Failure(i.areaCode(), texts.zh("inspection.failure.reference", i.name()),
                                    texts.zh("inspection.failure.reference.target", i.name()))
                            : new Failure(i.areaCode(), texts.zh("inspection.failure.indicator", i.name()),
                                    texts.zh("inspection.failure.indicator.target", i.name(), requirements.of(i, Texts.ZH))));
                });
        return out;
    }

    /** The unit that carries most of the campaign's tasks of an area answers for its rectification; else the office's. */
    public String responsibleUnit(long campaignId, String areaCode) {
        return rowCounts.unitWithMostRows(campaignId, areaCode)
                .orElseGet(() -> campaigns.units(campaignId).stream().filter(u -> u.roles().contains("office"))
                        .map(CampaignUnit::code).findFirst()
                        .orElse(campaigns.units(campaignId).get(0).code()));
    }

    public void close(long campaignId, String outcome) {
        jdbc.sql("update inspection_round set outcome = :o, evaluated_at = :t where id = :id")
                .param("o", outcome).param("t", Timestamp.from(clock.instant())).param("id", open(campaignId).id()).update();
    }

    /** The area's name, for its score sheet. */
    public String areaName(long campaignId, String areaCode) {
        return standardOf(campaignId).areas().stream().filter(a -> a.code().equals(areaCode)).map(StandardAreas.Area::nameZh)
                .findFirst().orElse(areaCode);
    }

    /** The items a score sheet asks for, one line each, as the form shows them (in Chinese: the form keeps it). */
    public String itemsText(long campaignId, String areaCode) {
        return itemsToScore(campaignId, areaCode).stream()
                .map(i -> texts.zh("inspection.form.item", i.code(), i.name(), i.points(), veto(i.veto()),
                        i.requirement()))
                .collect(Collectors.joining("\n"));
    }

    /** The indicators still to be read, one line each, with the threshold in force (in Chinese: the form keeps it). */
    public String indicatorsText(long campaignId) {
        return indicatorsToRead(campaignId).stream()
                .map(i -> texts.zh("inspection.form.indicator", i.code(), i.name(), requirements.forForm(i), veto(i.veto())))
                .collect(Collectors.joining("\n"));
    }

    private String veto(boolean veto) {
        return veto ? texts.zh("inspection.form.veto") : "";
    }

    static Phase phase() {
        return Phase.SELF_INSPECTION;
    }
}
