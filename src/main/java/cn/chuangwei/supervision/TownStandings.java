package cn.chuangwei.supervision;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignKind;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignStatus;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.task.OverdueRule;
import cn.chuangwei.task.RowCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * How the towns under a region stand in their campaigns, for the county's board and its circulars. A town shows its
 * campaigns under way or, when none is, its most recent one; each campaign its phases with their state and task counts
 * (all rows, accepted, overdue by the {@link OverdueRule}). Three grouped queries a campaign, none a task.
 *
 * <p>The towns' ranking: the completion rate first (accepted tasks ÷ tasks of the phases that have started, that is
 * are not PENDING, so that a town is measured on the work it has been given so far), higher first; then fewer overdue
 * tasks; towns equal on both share a rank and are listed by name. A town without a task of a started phase (or without
 * a campaign) has no rank and comes last, by name.
 */
@Service
public class TownStandings {

    /** A phase of a campaign: its state, dates, and its rows, accepted rows and overdue rows. */
    public record PhaseState(Phase phase, PhaseStatus status, LocalDate startDate, LocalDate endDate, int tasks,
                             int accepted, int overdue) {
    }

    /**
     * A campaign of a town. {@code currentPhase}: the first phase under way (null before the first starts and after
     * the last closes); {@code startedTasks} and {@code startedAccepted}: the rows of the phases that have started.
     */
    public record CampaignState(long campaignId, String name, CampaignKind kind, CampaignStatus status,
                                Phase currentPhase, List<PhaseState> phases, int tasks, int accepted, int overdue,
                                int startedTasks, int startedAccepted) {
    }

    /**
     * A town with its campaigns and their sums. {@code completionRate}: startedAccepted ÷ startedTasks (4 decimals),
     * null without a task of a started phase; {@code rank}: null when unranked.
     */
    public record Town(long townId, String name, List<CampaignState> campaigns, int tasks, int accepted, int overdue,
                       int startedTasks, int startedAccepted, BigDecimal completionRate, Integer rank) {

        boolean ranked() {
            return startedTasks > 0;
        }
    }

    private final Regions regions;
    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final RowCounts rowCounts;
    private final OverdueRule overdueRule;

    TownStandings(Regions regions, CampaignRepository campaigns, PhaseRepository phases, RowCounts rowCounts,
                  OverdueRule overdueRule) {
        this.regions = regions;
        this.campaigns = campaigns;
        this.phases = phases;
        this.rowCounts = rowCounts;
        this.overdueRule = overdueRule;
    }

    /** The towns under the region (itself, if a town), ranked. The caller has checked who may read them. */
    public List<Town> under(long regionId) {
        List<Region> towns = regions.townsUnder(regionId);
        Map<Long, List<Campaign>> byTown = new LinkedHashMap<>();
        towns.forEach(t -> byTown.put(t.id(), new ArrayList<>()));
        campaigns.ofTowns(byTown.keySet()).forEach(c -> byTown.get(c.townId()).add(c));
        List<Town> standing = new ArrayList<>();
        for (Region t : towns) {
            List<CampaignState> states = shown(byTown.get(t.id())).stream().map(this::state).toList();
            int tasks = 0;
            int accepted = 0;
            int overdue = 0;
            int startedTasks = 0;
            int startedAccepted = 0;
            for (CampaignState s : states) {
                tasks += s.tasks();
                accepted += s.accepted();
                overdue += s.overdue();
                startedTasks += s.startedTasks();
                startedAccepted += s.startedAccepted();
            }
            BigDecimal rate = startedTasks == 0 ? null : BigDecimal.valueOf(startedAccepted)
                    .divide(BigDecimal.valueOf(startedTasks), 4, RoundingMode.HALF_UP);
            standing.add(new Town(t.id(), t.name(), states, tasks, accepted, overdue, startedTasks, startedAccepted, rate,
                    null));
        }
        return ranked(standing);
    }

    /** The campaigns under way, or else the most recent one. */
    private static List<Campaign> shown(List<Campaign> ofTown) {
        List<Campaign> active = ofTown.stream().filter(c -> c.status() == CampaignStatus.ACTIVE).toList();
        return !active.isEmpty() || ofTown.isEmpty() ? active : List.of(ofTown.get(ofTown.size() - 1));
    }

    private CampaignState state(Campaign c) {
        List<CampaignPhase> campaignPhases = phases.ofCampaign(c.id());
        Map<Phase, RowCounts.PhaseTotal> totals = rowCounts.byPhase(c.id());
        Map<Phase, Integer> overdue = new EnumMap<>(Phase.class);
        rowCounts.byUnitAndPhase(c.id(), overdueRule.now(campaignPhases))
                .forEach(cell -> overdue.merge(cell.phase(), cell.overdue(), Integer::sum));
        List<PhaseState> states = new ArrayList<>();
        Phase current = null;
        int tasks = 0;
        int accepted = 0;
        int late = 0;
        int startedTasks = 0;
        int startedAccepted = 0;
        for (CampaignPhase p : campaignPhases) {
            RowCounts.PhaseTotal n = totals.getOrDefault(p.phase(), new RowCounts.PhaseTotal(0, 0));
            int o = overdue.getOrDefault(p.phase(), 0);
            states.add(new PhaseState(p.phase(), p.status(), p.startDate(), p.endDate(), n.total(), n.accepted(), o));
            if (current == null && p.status().isUnderWay()) {
                current = p.phase();
            }
            tasks += n.total();
            accepted += n.accepted();
            late += o;
            if (p.status() != PhaseStatus.PENDING) {
                startedTasks += n.total();
                startedAccepted += n.accepted();
            }
        }
        return new CampaignState(c.id(), c.name(), c.kind(), c.status(), current, states, tasks, accepted, late,
                startedTasks, startedAccepted);
    }

    /** The towns in rank order, each with its rank (see the class). */
    static List<Town> ranked(List<Town> towns) {
        Collator byName = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        Comparator<Town> standing = (a, b) -> {
            // a.accepted / a.started against b.accepted / b.started, without rounding
            int rate = Long.compare((long) b.startedAccepted() * a.startedTasks(), (long) a.startedAccepted() * b.startedTasks());
            return rate != 0 ? rate : Integer.compare(a.overdue(), b.overdue());
        };
        List<Town> rankable = towns.stream().filter(Town::ranked)
                .sorted(standing.thenComparing(Town::name, byName)).toList();
        List<Town> out = new ArrayList<>();
        for (int i = 0; i < rankable.size(); i++) {
            Town t = rankable.get(i);
            int rank = i > 0 && standing.compare(rankable.get(i - 1), t) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Town(t.townId(), t.name(), t.campaigns(), t.tasks(), t.accepted(), t.overdue(), t.startedTasks(),
                    t.startedAccepted(), t.completionRate(), rank));
        }
        towns.stream().filter(t -> !t.ranked()).sorted(Comparator.comparing(Town::name, byName)).forEach(out::add);
        return out;
    }
}
