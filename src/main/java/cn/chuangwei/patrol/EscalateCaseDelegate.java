package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.escalation.Ladder;
import cn.chuangwei.escalation.Subject;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A case's handling or feedback (处理反馈) deadline passed (or its daily check ran): the case is measured against the
 * limit of the stage it is in ({@link PatrolCase#stageDue()}) and handed
 * to the escalation {@link Ladder}, as a unit's task is; an urgent case counts as critical. A level reached for the
 * first time is noted in the case's history.
 */
@Component
class EscalateCaseDelegate implements JavaDelegate {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseRepository cases;
    private final CampaignRepository campaigns;
    private final Ladder ladder;
    private final TimeLimits timeLimits;
    private final DueDates dueDates;
    private final Clock clock;
    private final SiteSettings site;
    private final CaseNames names;

    EscalateCaseDelegate(CaseRepository cases, CampaignRepository campaigns, Ladder ladder, TimeLimits timeLimits,
                         DueDates dueDates, Clock clock, SiteSettings site, CaseNames names) {
        this.cases = cases;
        this.names = names;
        this.campaigns = campaigns;
        this.ladder = ladder;
        this.timeLimits = timeLimits;
        this.dueDates = dueDates;
        this.clock = clock;
        this.site = site;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PatrolCase c = cases.find(caseId(execution)).orElseThrow();
        if (c.stageDue() == null || CaseStatus.CLOSED.name().equals(c.status())) {
            return;
        }
        LocalDate due = c.stageDue().atZone(dueDates.zone()).toLocalDate();
        LocalDate started = c.stageStart().atZone(dueDates.zone()).toLocalDate();
        TimeLimits.Measure m = timeLimits.measure(started, due);
        // a case's limit runs in working hours, so it is overdue from the moment it falls due
        boolean overdue = !clock.instant().isBefore(c.stageDue());
        Subject subject = Subject.patrolCase(c.id(), c.campaignId(), c.unitCode(), "URGENT".equals(c.urgency()));
        ladder.climb(subject, new Ladder.Measure(overdue, m.workingDaysOverdue(), Math.max(m.timeUsedShare(), overdue ? 1.0 : 0)),
                        new Ladder.Notice("CASE_ESCALATION", tag -> values(c, tag)))
                .ifPresent(rung -> cases.event(c.id(), "ESCALATION", null, rung.level().name(), clock.instant()));
    }

    private Map<String, String> values(PatrolCase c, String localeTag) {
        Map<String, String> v = new HashMap<>();
        v.put("caseNumber", (localeTag.startsWith("zh") ? "案卷" : "#") + c.id());
        v.put("campaignName", campaigns.find(c.campaignId()).map(x -> x.name()).orElse(""));
        v.put("unitName", names.unit(c.campaignId(), c.unitCode()));
        v.put("categoryName", names.category(c.category(), localeTag.startsWith("zh") ? Texts.ZH : Texts.EN));
        v.put("gridName", names.grid(c.campaignId(), c.gridCode()));
        v.put("address", c.address());
        v.put("description", c.description());
        v.put("deadline", c.stageDue().atZone(dueDates.zone()).format(MINUTE));
        v.put("link", site.link(SiteSettings.TASKLIST));
        return v;
    }
}
