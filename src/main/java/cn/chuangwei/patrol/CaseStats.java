package cn.chuangwei.patrol;

import cn.chuangwei.calendar.DueDates;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cycle's indicators for a month, per unit and per grid (GB/T 30428): cases reported, 结案率 (closed / due to
 * close), 按期结案率 (closed on time / due to close), 返工率 (closed after a failed check / closed in the month), the
 * average handling time, and the colour of every open case's stage (处置, or 处理反馈 once handled). A case is due to close in the month its
 * handling deadline falls in; void cases do not count.
 */
@Service
public class CaseStats {

    /** One unit's or grid's figures. */
    public record Row(String key, int reported, int dueToClose, int closed, int closedOnTime, int closedInMonth,
                      int reworked, double closureRate, double onTimeRate, double reworkRate, Double averageHours,
                      int green, int yellow, int red) {
    }

    public record Stats(long campaignId, String month, List<Row> units, List<Row> grids) {
    }

    /** One month of the campaign's trend: the cases due to close and the three rates over all units. */
    public record Trend(String month, int dueToClose, double closureRate, double onTimeRate, double reworkRate) {
    }

    private final JdbcClient jdbc;
    private final DueDates dueDates;

    CaseStats(JdbcClient jdbc, DueDates dueDates) {
        this.jdbc = jdbc;
        this.dueDates = dueDates;
    }

    public Stats month(long campaignId, YearMonth month) {
        return new Stats(campaignId, month.toString(), rows(campaignId, month, "unit_code"), rows(campaignId, month, "grid_code"));
    }

    private List<Row> rows(long campaignId, YearMonth month, String column) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(dueDates.zone()).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(dueDates.zone()).toInstant());
        Instant now = dueDates.now().toInstant();
        Map<String, int[]> acc = new LinkedHashMap<>();
        Map<String, double[]> hours = new LinkedHashMap<>();
        jdbc.sql("select * from patrol_case where campaign_id = :c and status <> :void order by " + column)
                .param("c", campaignId).param("void", CaseStatus.VOID.name()).query(rs -> {
                    String key = rs.getString(column);
                    if (key == null) {
                        key = "—";
                    }
                    int[] a = acc.computeIfAbsent(key, k -> new int[9]);
                    Timestamp reported = rs.getTimestamp("reported_at");
                    Timestamp due = rs.getTimestamp("handle_due");
                    Timestamp closed = rs.getTimestamp("closed_at");
                    Timestamp dispatched = rs.getTimestamp("dispatched_at");
                    boolean inMonthReported = !reported.before(from) && reported.before(to);
                    boolean dueInMonth = due != null && !due.before(from) && due.before(to);
                    boolean closedInMonth = closed != null && !closed.before(from) && closed.before(to);
                    if (inMonthReported) {
                        a[0]++;
                    }
                    if (dueInMonth) {
                        a[1]++;
                        if (closed != null) {
                            a[2]++;
                            if (Boolean.TRUE.equals(rs.getObject("closed_on_time"))) {
                                a[3]++;
                            }
                        }
                    }
                    if (closedInMonth) {
                        a[4]++;
                        if (rs.getInt("rework_count") > 0) {
                            a[5]++;
                        }
                        if (dispatched != null) {
                            double[] h = hours.computeIfAbsent(key, k -> new double[2]);
                            h[0] += (closed.getTime() - dispatched.getTime()) / 3_600_000.0;
                            h[1]++;
                        }
                    }
                    // an open case's colour: the share of the limit of the stage it is in (处置, or 处理反馈) used
                    PatrolCase pc = CaseRepository.row(rs, 0);
                    if (closed == null && pc.stageDue() != null && pc.stageStart() != null) {
                        long start = pc.stageStart().toEpochMilli();
                        double limit = Math.max(1, pc.stageDue().toEpochMilli() - start);
                        double used = (now.toEpochMilli() - start) / limit;
                        a[used >= 1 ? 8 : used >= 0.8 ? 7 : 6]++;
                    }
                });
        List<Row> rows = new ArrayList<>();
        acc.forEach((key, a) -> {
            double[] h = hours.get(key);
            rows.add(new Row(key, a[0], a[1], a[2], a[3], a[4], a[5], rate(a[2], a[1]), rate(a[3], a[1]), rate(a[5], a[4]),
                    h == null || h[1] == 0 ? null : Math.round(h[0] / h[1] * 10) / 10.0, a[6], a[7], a[8]));
        });
        return rows;
    }

    /**
     * 结案率, 按期结案率 and 返工率 for the twelve months up to {@code last}, as {@link #month}
     * counts them: a case is due to close in the month of its handling deadline, reworked when it was closed in the
     * month after a failed check.
     * One query reads only the cases due or closed in those months.
     */
    public List<Trend> trend(long campaignId, YearMonth last) {
        YearMonth first = last.minusMonths(11);
        int[][] acc = new int[12][5];
        Timestamp from = Timestamp.from(first.atDay(1).atStartOfDay(dueDates.zone()).toInstant());
        Timestamp to = Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(dueDates.zone()).toInstant());
        jdbc.sql("""
                select handle_due, closed_at, closed_on_time, rework_count from patrol_case
                where campaign_id = :c and status <> :void
                  and ((handle_due >= :f and handle_due < :t) or (closed_at >= :f and closed_at < :t))""")
                .param("c", campaignId).param("void", CaseStatus.VOID.name()).param("f", from).param("t", to)
                .query(rs -> {
                    Timestamp due = rs.getTimestamp("handle_due");
                    Timestamp closed = rs.getTimestamp("closed_at");
                    int dueIndex = index(first, due);
                    if (dueIndex >= 0) {
                        acc[dueIndex][0]++;
                        if (closed != null) {
                            acc[dueIndex][1]++;
                            if (Boolean.TRUE.equals(rs.getObject("closed_on_time"))) {
                                acc[dueIndex][2]++;
                            }
                        }
                    }
                    int closedIndex = index(first, closed);
                    if (closedIndex >= 0) {
                        acc[closedIndex][3]++;
                        if (rs.getInt("rework_count") > 0) {
                            acc[closedIndex][4]++;
                        }
                    }
                });
        List<Trend> trend = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int[] a = acc[i];
            trend.add(new Trend(first.plusMonths(i).toString(), a[0], rate(a[1], a[0]), rate(a[2], a[0]), rate(a[4], a[3])));
        }
        return trend;
    }

    /** The month's place among the twelve from {@code first}, or -1 outside them. */
    private int index(YearMonth first, Timestamp at) {
        if (at == null) {
            return -1;
        }
        int i = (int) first.until(YearMonth.from(at.toInstant().atZone(dueDates.zone())), ChronoUnit.MONTHS);
        return i < 12 ? i : -1;
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    /** How many checks (核查) of each unit's cases failed from {@code from} up to (not including) {@code to}. */
    public Map<String, Integer> failedChecks(long campaignId, Instant from, Instant to) {
        Map<String, Integer> failed = new HashMap<>();
        jdbc.sql("""
                select p.unit_code, count(*) as n from case_event e join patrol_case p on p.id = e.case_id
                where p.campaign_id = :c and e.event = :failed and e.at >= :from and e.at < :to group by p.unit_code""")
                .param("c", campaignId).param("failed", "CHECK_FAILED").param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    failed.put(rs.getString("unit_code"), rs.getInt("n"));
                });
        return failed;
    }
}
