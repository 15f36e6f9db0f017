package cn.chuangwei.phase;

import cn.chuangwei.calendar.DeadlineSettings;
import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a round of work in a phase ({@code phase.bpmn}, step 加载本阶段任务): the phase becomes active, and the round's
 * deadline is computed once into {@code workDeadline}, which the subprocess's timer uses. The first round ends with the
 * phase's end date; a round after HOLD ends with the latest deadline of the rows still open (the rectification tasks),
 * and never sooner than a review period from today. The multi-instance collection is {@code loadWorkDelegate.openRowIds}.
 * (phase.bpmn calls {@link #openRowIds} in an expression, which needs a public class.)
 */
@Component
public class LoadWorkDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final TaskRowRepository rows;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final Clock clock;
    private final int reviewDays;

    LoadWorkDelegate(PhaseRepository phases, TaskRowRepository rows, CampaignRepository campaigns, DueDates dueDates,
                     Clock clock, DeadlineSettings deadlines) {
        this.phases = phases;
        this.rows = rows;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.clock = clock;
        this.reviewDays = deadlines.reviewDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        Phase phase = TaskVariables.phase(execution);
        CampaignPhase p = phases.get(campaignId, phase);
        phases.start(campaignId, phase, clock.instant());
        LocalDate end = p.endDate();
        if (p.gateRound() > 0) {
            LocalDate latest = rows.openRows(campaignId, phase).stream().map(TaskRow::deadline)
                    .max(LocalDate::compareTo).orElse(end);
            LocalDate earliest = dueDates.workingDaysFromToday(reviewDays);
            end = latest.isBefore(earliest) ? earliest : latest;
        }
        execution.setVariable("workDeadline", dueDates.dueOn(end));
        execution.setVariable("phaseName", phase.zh());
        campaigns.find(campaignId).ifPresent(c -> execution.setVariable("campaignName", c.name()));
    }

    /** The rows of the phase still to be worked on: one unit task each. */
    public List<Long> openRowIds(long campaignId, String phase) {
        return rows.openRows(campaignId, Phase.valueOf(phase)).stream().map(TaskRow::id).toList();
    }
}
