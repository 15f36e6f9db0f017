package cn.chuangwei.escalation;

import cn.chuangwei.kernel.DecisionTables;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import cn.chuangwei.org.Directory;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder (督查督办), one component for unit tasks and patrol cases alike: {@code dmn/escalation-ladder.dmn}
 * decides the level from how far the subject is through its time limit, whether it is critical and how often its unit
 * went red; a level the subject has not reached before is recorded once and its notices are mailed once to the people
 * the table names (on the channels their weight calls for, see notify/Notifier). The caller notes the step in the subject's own history.
 */
@Component
public class Ladder {

    /** How far a subject is through its time limit (see {@code calendar/TimeLimits}). */
    public record Measure(boolean overdue, int workingDaysOverdue, double timeUsedShare) {
    }

    /** A level reached for the first time, with the words that describe it in Chinese. */
    public record Rung(LadderLevel level, int workingDaysOverdue, String interviewer, String levelName, String situation) {
    }

    /**
     * What the notices about a subject say: a mail template and the values for it in the recipient's language (a
     * language tag); the ladder adds {@code levelName}, {@code daysOverdue}, {@code situation} and {@code interviewNote}.
     */
    public record Notice(String templateKey, Function<String, Map<String, String>> values) {
    }

    private final DecisionTables decisions;
    private final EscalationRepository steps;
    private final LadderRoles roles;
    private final Notifier notifier;
    private final Directory directory;
    private final Texts texts;
    private final Clock clock;

    Ladder(DecisionTables decisions, EscalationRepository steps, LadderRoles roles, Notifier notifier,
           Directory directory, Texts texts, Clock clock) {
        this.decisions = decisions;
        this.steps = steps;
        this.roles = roles;
        this.notifier = notifier;
        this.directory = directory;
        this.texts = texts;
        this.clock = clock;
    }

    /** Takes the subject up the ladder as far as the table says; the new rung, or empty when it reached none. */
    public Optional<Rung> climb(Subject subject, Measure m, Notice notice) {
        // in memory, without a decision instance in the history: the step below is the record of what it decided
        EscalationRepository.Standing standing = steps.standing(subject);
        DmnDecisionRuleResult result = decisions.decide("escalation-ladder", Variables.createVariables()
                .putValue("overdue", m.overdue()).putValue("workingDaysOverdue", m.workingDaysOverdue())
                .putValue("critical", subject.critical()).putValue("unitEscalations", standing.unitEscalations())
                .putValue("timeUsedShare", m.timeUsedShare())).result();
        LadderLevel level = LadderLevel.valueOf((String) result.getEntry("level"));
        if (level == LadderLevel.NONE || standing.highest().map(h -> h.rank() >= level.rank()).orElse(false)) {
            return Optional.empty();
        }
        String notify = (String) result.getEntry("notify");
        LadderRoles.Cast cast = roles.of(subject);
        String interviewer = cast.interviewer((String) result.getEntry("interviewer"));
        if (!steps.record(subject, level, m.workingDaysOverdue(), interviewer, notify, clock.instant())) {
            return Optional.empty();
        }
        int percent = (int) Math.round(Math.min(m.timeUsedShare(), 1.0) * 100);
        List<String> people = roles.people(cast, notify);
        // the rung's notice weighs as the rung: 预警 and 催办 may wait for the digest, 通报 and above reach every channel
        notifier.send(new Notifier.Notice(subject.kind().noticeKey(subject.id(), level), NoticeKind.valueOf(level.name()),
                subject.campaignId(), subject.unitCode(), notice.templateKey(), tag -> {
            Locale locale = Locale.forLanguageTag(tag);
            Map<String, String> v = notice.values().apply(tag);
            v.put("levelName", texts.get("ladder." + level.name(), locale));
            v.put("daysOverdue", String.valueOf(m.workingDaysOverdue()));
            v.put("situation", situation(m, percent, locale));
            v.put("interviewNote", interviewer == null ? ""
                    : texts.get("ladder.interview", locale, directory.displayName(interviewer), v.get("unitName")));
            return v;
        }), people);
        return Optional.of(new Rung(level, m.workingDaysOverdue(), interviewer, texts.zh("ladder." + level.name()),
                situation(m, percent, Texts.ZH)));
    }

    private String situation(Measure m, int percent, Locale locale) {
        return m.overdue() ? texts.get("ladder.situation.overdue", locale, m.workingDaysOverdue())
                : texts.get("ladder.situation.before", locale, percent);
    }
}
