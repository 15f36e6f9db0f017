package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.inspection.InspectionService;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.task.NewTaskRow;
import cn.chuangwei.task.TaskOrigin;
import cn.chuangwei.task.TaskRowRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The application for acceptance (申报验收): submission, the external inspections (暗访, 技术评估) with
 * their problem lists, one re-inspection after rectification, naming; then spot checks and re-review every three years.
 */
@Service
class AcceptanceService {

    /** An external inspection and what it found. */
    public record Attempt(int attemptNo, LocalDate submittedOn, String reference, String outcome, LocalDate feedbackOn,
                          List<Map<String, Object>> problems) {
    }

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final InspectionService inspection;
    private final Standards standards;
    private final TaskRowRepository rows;
    private final PhaseRepository phases;
    private final DueDates dueDates;
    private final Clock clock;
    private final int rectifyDays;

    AcceptanceService(JdbcClient jdbc, CampaignRepository campaigns, InspectionService inspection, Standards standards,
                      TaskRowRepository rows, PhaseRepository phases, DueDates dueDates, Clock clock,
                      AcceptanceSettings settings) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.inspection = inspection;
        this.standards = standards;
        this.rows = rows;
        this.phases = phases;
        this.dueDates = dueDates;
        this.clock = clock;
        this.rectifyDays = settings.rectifyDays();
    }

    /** Submits the application; refused while the latest self-inspection is not READY (e.g. a veto item fails). */
    public void submit(long campaignId, String reference, String user) {
        InspectionService.Round latest = inspection.current(campaignId)
                .orElseThrow(() -> ApiException.conflict("not-inspected", "campaignId", campaignId));
        if (latest.vetoFailed() != null && latest.vetoFailed() > 0) {
            throw ApiException.conflict("veto-item-fails", "campaignId", latest.vetoFailed());
        }
        if (!"READY".equals(latest.outcome())) {
            throw ApiException.conflict("not-ready", "campaignId", String.valueOf(latest.outcome()));
        }
        java.util.Optional<Attempt> first = attempts(campaignId).stream().filter(a -> a.attemptNo() == 1).findFirst();
        if (first.isPresent() && first.get().outcome() != null) {
            throw ApiException.conflict("already-submitted", "campaignId", campaignId);
        }
        if (first.isPresent()) {
            // returned for more material (初审, 推荐 or 资料审核): the application is sent again
            jdbc.sql("update acceptance_attempt set reference = :r, submitted_on = :d where campaign_id = :c and attempt_no = 1")
                    .param("r", reference).param("d", dueDates.today()).param("c", campaignId).update();
        } else {
            insertAttempt(campaignId, 1, reference);
        }
    }

    private void insertAttempt(long campaignId, int no, String reference) {
        jdbc.sql("insert into acceptance_attempt (campaign_id, attempt_no, submitted_on, reference) values (:c, :n, :d, :r)")
                .param("c", campaignId).param("n", no).param("d", dueDates.today()).param("r", reference).update();
    }

    /**
     * Records an external inspection's result. A failure lists problems, one line each {@code ITEM-CODE,description};
     * each becomes a rectification task for the unit that answers for the item's area. Returns the attempt's number.
     */
    public int recordResult(long campaignId, String outcome, String problems, String user) {
        Attempt open = attempts(campaignId).stream().filter(a -> a.outcome() == null).reduce((a, b) -> b)
                .orElseThrow(() -> ApiException.conflict("not-submitted", "campaignId", campaignId));
        List<String[]> parsed = "FAIL".equals(outcome) ? problems(campaignId, problems) : List.of();
        jdbc.sql("""
                update acceptance_attempt set outcome = :o, feedback_on = :d, entered_by = :u, entered_at = :t
                where campaign_id = :c and attempt_no = :n""")
                .param("o", outcome).param("d", dueDates.today()).param("u", user).param("t", Timestamp.from(clock.instant()))
                .param("c", campaignId).param("n", open.attemptNo()).update();
        if ("FAIL".equals(outcome)) {
            List<Long> rowIds = openRectification(campaignId, parsed, dueDates.workingDaysFromToday(rectifyDays));
            for (int i = 0; i < parsed.size(); i++) {
                jdbc.sql("""
                        insert into acceptance_problem (campaign_id, attempt_no, seq, item_code, description, task_row_id)
                        values (:c, :n, :s, :i, :d, :r)""")
                        .param("c", campaignId).param("n", open.attemptNo()).param("s", i + 1).param("i", parsed.get(i)[0])
                        .param("d", parsed.get(i)[1]).param("r", rowIds.get(i)).update();
            }
            if (open.attemptNo() == 1) {
                insertAttempt(campaignId, 2, "整改后复查");
            }
        }
        return open.attemptNo();
    }

    /** The attempt a step belongs to: the one under way, else the last one (1 before the application is recorded). */
    int currentAttempt(long campaignId) {
        List<Attempt> all = attempts(campaignId);
        return all.stream().filter(a -> a.outcome() == null).mapToInt(Attempt::attemptNo).findFirst()
                .orElse(all.isEmpty() ? 1 : all.get(all.size() - 1).attemptNo());
    }

    /** The attempt under way: the first not yet concluded. */
    int openAttempt(long campaignId) {
        return attempts(campaignId).stream().filter(a -> a.outcome() == null).mapToInt(Attempt::attemptNo).findFirst()
                .orElseThrow(() -> ApiException.conflict("not-submitted", "campaignId", campaignId));
    }

    /**
     * Records what an on-site step (暗访 or 技术评估) found on the attempt under way: on FAIL its problem list, one line each
     * {@code ITEM-CODE,description} (refused by line when an item is unknown, nothing written). Returns the attempt.
     */
    int recordFindings(long campaignId, String step, String outcome, String problems) {
        int attempt = openAttempt(campaignId);
        if (!"FAIL".equals(outcome)) {
            return attempt;
        }
        List<String[]> parsed = problems(campaignId, problems);
        int seq = jdbc.sql("select coalesce(max(seq), 0) from acceptance_problem where campaign_id = :c and attempt_no = :n")
                .param("c", campaignId).param("n", attempt).query(Integer.class).single();
        for (String[] p : parsed) {
            jdbc.sql("""
                    insert into acceptance_problem (campaign_id, attempt_no, seq, item_code, description, step)
                    values (:c, :n, :s, :i, :d, :st)""")
                    .param("c", campaignId).param("n", attempt).param("s", ++seq).param("i", p[0]).param("d", p[1])
                    .param("st", step).update();
        }
        return attempt;
    }

    /**
     * Concludes the attempt under way by the on-site result ({@code dmn/acceptance-result.dmn}): PASS, or FAIL; on RECTIFY
     * its problems become rectification tasks due {@code rectifyBy} (the authority's deadline, else the configured working
     * days) and the re-inspection is the next attempt.
     */
    void conclude(long campaignId, String result, LocalDate rectifyBy, String user) {
        int attempt = openAttempt(campaignId);
        jdbc.sql("""
                update acceptance_attempt set outcome = :o, feedback_on = :d, entered_by = :u, entered_at = :t
                where campaign_id = :c and attempt_no = :n""")
                .param("o", "PASS".equals(result) ? "PASS" : "FAIL").param("d", dueDates.today()).param("u", user)
                .param("t", Timestamp.from(clock.instant())).param("c", campaignId).param("n", attempt).update();
        if ("RECTIFY".equals(result)) {
            List<Map<String, Object>> found = attempts(campaignId).get(attempt - 1).problems();
            List<String[]> problems = found.stream()
                    .map(p -> new String[] {(String) p.get("itemCode"), (String) p.get("description")}).toList();
            List<Long> rowIds = openRectification(campaignId, problems,
                    rectifyBy != null ? rectifyBy : dueDates.workingDaysFromToday(rectifyDays));
            for (int i = 0; i < rowIds.size(); i++) {
                jdbc.sql("update acceptance_problem set task_row_id = :r where campaign_id = :c and attempt_no = :n and seq = :s")
                        .param("r", rowIds.get(i)).param("c", campaignId).param("n", attempt)
                        .param("s", ((Number) found.get(i).get("seq")).intValue()).update();
            }
            insertAttempt(campaignId, attempt + 1, "整改后复查");
        }
    }

    /**
     * Each problem ({item code, description}) becomes a rectification task of the acceptance phase for the unit that
     * answers for the item's area, due on the deadline. Returns the rows' ids, in order.
     */
    List<Long> openRectification(long campaignId, List<String[]> problems, LocalDate deadline) {
        Campaign c = campaigns.find(campaignId).orElseThrow();
        Map<String, Standards.Item> items = standards.find(c.standardCode()).orElseThrow().items().stream()
                .collect(Collectors.toMap(Standards.Item::code, Function.identity()));
        int round = phases.find(campaignId, Phase.ACCEPTANCE).map(p -> p.gateRound()).orElse(0);
        List<Long> ids = new ArrayList<>();
        for (String[] p : problems) {
            Standards.Item item = items.get(p[0]);
            String unit = inspection.responsibleUnit(campaignId, item.areaCode());
            ids.add(rows.insert(campaignId, new NewTaskRow(Phase.ACCEPTANCE,
                    truncate("整改：" + p[1], 200), truncate(item.code() + " " + item.name() + "：" + item.requirement(), 1000),
                    unit, campaigns.unit(campaignId, unit).orElseThrow().headUserId(), deadline, true, item.areaCode()),
                    TaskOrigin.RECTIFICATION, round));
        }
        return ids;
    }

    List<String[]> problems(long campaignId, String text) {
        Campaign c = campaigns.find(campaignId).orElseThrow();
        Map<String, Standards.Item> items = standards.find(c.standardCode()).orElseThrow().items().stream()
                .collect(Collectors.toMap(Standards.Item::code, Function.identity()));
        List<String[]> out = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[,，\\t]", 2);
            String code = parts[0].trim().toUpperCase(Locale.ROOT);
            if (!items.containsKey(code)) {
                throw ApiException.badRow("unknown-problem-item", n + 1, "problems", code);
            }
            String description = parts.length > 1 ? parts[1].trim() : "";
            if (description.isEmpty() || description.length() > 1000) {
                throw ApiException.badRow("required", n + 1, "problems", "problems");
            }
            out.add(new String[] {code, description});
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest("required", "problems", "problems");
        }
        return out;
    }

    /** The town is named: the date and document are recorded; re-review falls due three years later. */
    public void recordNaming(long campaignId, LocalDate namedOn, String document) {
        campaigns.recordNaming(campaignId, namedOn, document, namedOn.plusYears(3));
    }

    /** The next re-review, three years after {@code from}. */
    public void nextReview(long campaignId, LocalDate from) {
        campaigns.nextReview(campaignId, from.plusYears(3));
    }

    public LocalDate nextReviewOn(long campaignId) {
        return campaigns.nextReviewOn(campaignId);
    }

    public List<Attempt> attempts(long campaignId) {
        return jdbc.sql("select * from acceptance_attempt where campaign_id = :c order by attempt_no").param("c", campaignId)
                .query((rs, n) -> new Attempt(rs.getInt("attempt_no"), rs.getDate("submitted_on").toLocalDate(),
                        rs.getString("reference"), rs.getString("outcome"),
                        rs.getDate("feedback_on") == null ? null : rs.getDate("feedback_on").toLocalDate(),
                        jdbc.sql("""
                                select seq as "seq", item_code as "itemCode", description as "description", step as "step",
                                task_row_id as "taskRowId"
                                from acceptance_problem where campaign_id = :c and attempt_no = :n order by seq""")
                                .param("c", campaignId).param("n", rs.getInt("attempt_no")).query().listOfRows()))
                .list();
    }

    /** A month's spot check: a sample of the standard's items, checked by a supervisor. */
    public void recordSpotCheck(long campaignId, String findings, int items, String user) {
        int failed = (int) findings.lines().filter(l -> l.contains("不合格") || l.toUpperCase(Locale.ROOT).contains("FAIL"))
                .count();
        jdbc.sql("""
                insert into spot_check (campaign_id, checked_on, checked_by, items, failed, findings)
                values (:c, :d, :u, :i, :f, :t)""")
                .param("c", campaignId).param("d", dueDates.today()).param("u", user).param("i", items)
                .param("f", failed).param("t", findings).update();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
