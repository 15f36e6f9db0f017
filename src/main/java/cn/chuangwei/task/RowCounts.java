package cn.chuangwei.task;

import cn.chuangwei.kernel.Phase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts of a campaign's decomposition rows for the board, grouped in the database: per phase, and per unit and phase
 * as accepted, open (in time, or awaiting the office's review) and overdue by the {@link OverdueRule}.
 */
@Repository
public class RowCounts {

    /** A cell of the units × phases heat map. */
    public record Cell(String unitCode, Phase phase, int accepted, int open, int overdue) {
    }

    /** A campaign's rows: all of them, those accepted, and how often a row was returned for rework. */
    public record CampaignTotal(int tasks, int accepted, int rework) {
    }

    /** A phase's rows: all of them and those accepted. */
    public record PhaseTotal(int total, int accepted) {
    }

    private final JdbcClient jdbc;

    RowCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CampaignTotal ofCampaign(long campaignId) {
        return jdbc.sql("""
                select count(*) as tasks, sum(case when status = :accepted then 1 else 0 end) as accepted,
                       coalesce(sum(rework_count), 0) as rework
                from task_row where campaign_id = :c""")
                .param("c", campaignId).param("accepted", TaskStatus.ACCEPTED.name())
                .query((rs, n) -> new CampaignTotal(rs.getInt("tasks"), rs.getInt("accepted"), rs.getInt("rework"))).single();
    }

    /** The unit with most of the campaign's rows of a standard's area (the first by code among equals), if any. */
    public Optional<String> unitWithMostRows(long campaignId, String areaCode) {
        return jdbc.sql("""
                select unit_code from task_row where campaign_id = :c and area_code = :a
                group by unit_code order by count(*) desc, unit_code fetch first 1 rows only""")
                .param("c", campaignId).param("a", areaCode).query(String.class).optional();
    }

    public Map<Phase, PhaseTotal> byPhase(long campaignId) {
        Map<Phase, PhaseTotal> totals = new EnumMap<>(Phase.class);
        jdbc.sql("""
                select phase, count(*) as total, sum(case when status = :accepted then 1 else 0 end) as accepted
                from task_row where campaign_id = :c group by phase""")
                .param("c", campaignId).param("accepted", TaskStatus.ACCEPTED.name())
                .query(rs -> {
                    totals.put(Phase.valueOf(rs.getString("phase")), new PhaseTotal(rs.getInt("total"), rs.getInt("accepted")));
                });
        return totals;
    }

    public List<Cell> byUnitAndPhase(long campaignId, OverdueRule.Cutoff cutoff) {
        List<String> underWay = cutoff.underWay().isEmpty() ? List.of("")
                : cutoff.underWay().stream().map(Enum::name).toList();
        return jdbc.sql("""
                select unit_code, phase,
                       sum(case when status = :accepted then 1 else 0 end) as accepted,
                       sum(case when status in (:open) and deadline < :before and phase in (:underWay) then 1 else 0 end)
                           as overdue,
                       sum(case when status in (:active) then 1 else 0 end) as active
                from task_row where campaign_id = :c group by unit_code, phase order by unit_code, phase""")
                .param("c", campaignId).param("accepted", TaskStatus.ACCEPTED.name())
                .param("open", TaskStatus.openNames()).param("active", TaskStatus.activeNames())
                .param("before", java.sql.Date.valueOf(cutoff.before())).param("underWay", underWay)
                .query((rs, n) -> new Cell(rs.getString("unit_code"), Phase.valueOf(rs.getString("phase")),
                        rs.getInt("accepted"), rs.getInt("active") - rs.getInt("overdue"), rs.getInt("overdue")))
                .list();
    }
}
