package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.supervision.AssessmentService;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The cycle's indicators for a seeded month, against values computed by hand, and their deductions in the assessment. */
@H2Test
class CaseStatsTest {

    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    CaseStats stats;
    @Autowired
    AssessmentService assessment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    long campaignId;
    Fixture f;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    static Timestamp at(int month, int day, int hour) {
        return Timestamp.valueOf(LocalDateTime.of(2027, month, day, hour, 0));
    }

    long seed(String unit, String grid, String status, Timestamp reported, Timestamp dispatched, Timestamp due,
              Timestamp closed, Boolean onTime, int rework) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into patrol_case (campaign_id, grid_code, source, category, urgency, description, address, reported_by,
                                         status, unit_code, rework_count, reported_at, dispatched_at, handle_due, closed_at,
                                         closed_on_time)
                values (:c, :g, 'PATROL', 'GARBAGE', 'NORMAL', '垃圾未清运', '青山路', :by, :s, :u, :rw, :r, :d, :due, :cl, :ot)""")
                .param("c", campaignId).param("g", grid).param("by", f.supervisors.get(0)).param("s", status).param("u", unit)
                .param("rw", rework).param("r", reported).param("d", dispatched).param("due", due).param("cl", closed)
                .param("ot", onTime).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Test
    void mayFiguresMatchTheHandComputedOnes() {
        clock.set(LocalDateTime.of(2027, 6, 10, 10, 0));
        f = new Fixture(identity);
        campaignId = setup.create(f.small(LocalDate.of(2027, 4, 1), List.of(), false), f.office);
        String a = f.unit("cgzx");
        String b = f.unit("jsb");
        // unit A, grid G1: one closed on time, one closed late after a rework, one still open; one void
        seed(a, "G1", "CLOSED", at(5, 3, 8), at(5, 3, 9), at(5, 5, 18), at(5, 6, 10), true, 0);
        long late = seed(a, "G1", "CLOSED", at(5, 10, 8), at(5, 10, 9), at(5, 12, 18), at(5, 14, 9), false, 1);
        seed(a, "G1", "DISPATCHED", at(5, 20, 8), at(5, 20, 9), at(5, 21, 18), null, null, 0);
        seed(a, "G1", "VOID", at(5, 22, 8), null, null, null, null, 0);
        // unit B, grid G2: reported in April, due and closed on time in May; one due in June, still open
        seed(b, "G2", "CLOSED", at(4, 28, 8), at(4, 28, 9), at(5, 2, 18), at(5, 2, 9), true, 0);
        seed(b, "G2", "DISPATCHED", at(5, 25, 8), at(5, 25, 9), at(6, 2, 18), null, null, 0);
        jdbc.sql("insert into case_event (case_id, event, actor, note, at) values (:c, 'CHECK_FAILED', 'x', '仍有垃圾', :t)")
                .param("c", late).param("t", at(5, 13, 15)).update();

        CaseStats.Stats may = stats.month(campaignId, YearMonth.of(2027, 5));
        Map<String, CaseStats.Row> units = may.units().stream().collect(Collectors.toMap(CaseStats.Row::key, r -> r));
        CaseStats.Row ra = units.get(a);
        assertThat(ra.reported()).isEqualTo(3);
        assertThat(ra.dueToClose()).isEqualTo(3);
        assertThat(ra.closed()).isEqualTo(2);
        assertThat(ra.closedOnTime()).isEqualTo(1);
        assertThat(ra.closureRate()).isEqualTo(0.667);
        assertThat(ra.onTimeRate()).isEqualTo(0.333);
        assertThat(ra.reworkRate()).isEqualTo(0.5);
        assertThat(ra.averageHours()).isEqualTo(84.5);   // (73 h + 96 h) / 2
        assertThat(ra.red()).isEqualTo(1);
        CaseStats.Row rb = units.get(b);
        assertThat(rb.reported()).isEqualTo(1);
        assertThat(rb.dueToClose()).isEqualTo(1);
        assertThat(rb.onTimeRate()).isEqualTo(1.0);
        assertThat(rb.reworkRate()).isEqualTo(0.0);
        assertThat(rb.averageHours()).isEqualTo(96.0);
        assertThat(may.grids()).extracting(CaseStats.Row::key).containsExactly("G1", "G2");

        // the assessment: unit A loses (70% - 33.3%) x 100 x 1 point and 0.2 for the failed check
        AssessmentService.Score scoreA = assessment.month(campaignId, YearMonth.of(2027, 5)).scores().stream()
                .filter(s -> s.unitCode().equals(a)).findFirst().orElseThrow();
        assertThat(scoreA.casePoints()).isEqualByComparingTo("36.90");
        AssessmentService.Score scoreB = assessment.month(campaignId, YearMonth.of(2027, 5)).scores().stream()
                .filter(s -> s.unitCode().equals(b)).findFirst().orElseThrow();
        assertThat(scoreB.casePoints()).isEqualByComparingTo("0");
    }

    @Test
    void aCaseAwaitingFeedbackIsColouredByTheFeedbackStagesLimit() {
        clock.set(LocalDateTime.of(2027, 6, 10, 10, 0));
        f = new Fixture(identity);
        campaignId = setup.create(f.small(LocalDate.of(2027, 4, 1), List.of(), false), f.office);
        String a = f.unit("cgzx");
        // handled on 9 June with nine days of its handling limit to spare (green by that limit), its feedback due at
        // 14:00 the same day and not given: red by the stage it is in
        long handled = seed(a, "G1", "HANDLED", at(6, 8, 8), at(6, 8, 9), at(6, 20, 18), null, null, 0);
        jdbc.sql("update patrol_case set handled_at = :h, feedback_due = :f where id = :id").param("h", at(6, 9, 10))
                .param("f", at(6, 9, 14)).param("id", handled).update();
        // and one still at 处置, well within its limit: green
        seed(a, "G1", "DISPATCHED", at(6, 9, 8), at(6, 9, 9), at(6, 30, 18), null, null, 0);
        CaseStats.Row row = stats.month(campaignId, YearMonth.of(2027, 6)).units().get(0);
        assertThat(row.red()).isEqualTo(1);
        assertThat(row.green()).isEqualTo(1);
        // fed back: the case waits for the check, coloured by its handling limit again
        jdbc.sql("update patrol_case set status = 'FED_BACK', fed_back_at = :t where id = :id").param("t", at(6, 10, 9))
                .param("id", handled).update();
        row = stats.month(campaignId, YearMonth.of(2027, 6)).units().get(0);
        assertThat(row.red()).isZero();
        assertThat(row.green()).isEqualTo(2);
    }
}
