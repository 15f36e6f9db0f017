package cn.chuangwei.task;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When a decomposition row is overdue, for the board, its lists and exports: the row waits for its unit (open or
 * returned), its phase is under way, and its deadline has passed by the deadline policy of {@link DueDates} (18:00 of
 * the deadline day). The supervisors' audit, the ladder and the assessment measure with the same policy.
 */
@Component
public class OverdueRule {

    /** The rule as it stands now for one campaign: rows with a deadline before {@code before} in these phases. */
    public record Cutoff(LocalDate before, Set<Phase> underWay) {

        public boolean overdue(TaskRow row) {
            return row.status().isOpen() && underWay.contains(row.phase()) && row.deadline().isBefore(before);
        }
    }

    private final DueDates dueDates;
    private final PhaseRepository phases;

    OverdueRule(DueDates dueDates, PhaseRepository phases) {
        this.dueDates = dueDates;
        this.phases = phases;
    }

    public Cutoff now(long campaignId) {
        Set<Phase> underWay = EnumSet.noneOf(Phase.class);
        for (CampaignPhase p : phases.ofCampaign(campaignId)) {
            if (p.status().isUnderWay()) {
                underWay.add(p.phase());
            }
        }
        return new Cutoff(dueDates.overdueBefore(), underWay);
    }
}
