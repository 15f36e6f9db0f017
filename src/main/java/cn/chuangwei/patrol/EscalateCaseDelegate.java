package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.escalation.LadderLevel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A handling deadline passed: {@code dmn/escalation-ladder.dmn} decides the step from working days overdue and
 * whether the case is urgent; each level is recorded once per case.
 */
@Component
class EscalateCaseDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final DecisionService decisions;
    private final TimeLimits timeLimits;
    private final DueDates dueDates;
    private final JdbcClient jdbc;
    private final Clock clock;

    EscalateCaseDelegate(CaseRepository cases, DecisionService decisions, TimeLimits timeLimits, DueDates dueDates, JdbcClient jdbc,
                         Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.timeLimits = timeLimits;
        this.dueDates = dueDates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PatrolCase c = cases.find(caseId(execution)).orElseThrow();
        if (c.handleDue() == null || "CLOSED".equals(c.status())) {
            return;
        }
        LocalDate due = c.handleDue().atZone(dueDates.zone()).toLocalDate();
        LocalDate dispatched = c.dispatchedAt().atZone(dueDates.zone()).toLocalDate();
        TimeLimits.Measure m = timeLimits.measure(dispatched, due);
        int unitReds = jdbc.sql("""
                select count(distinct e.case_id) from case_escalation e join patrol_case p on p.id = e.case_id
                where p.unit_code = :u and p.id <> :c and e.level_rank >= :red""")
                .param("u", c.unitCode()).param("c", c.id()).param("red", LadderLevel.RED.rank())
                .query(Integer.class).single();
        boolean overdue = !clock.instant().isBefore(c.handleDue());
        String level = decisions.evaluateDecisionTableByKey("escalation-ladder")
                .variables(Variables.createVariables().putValue("overdue", overdue)
                        .putValue("workingDaysOverdue", m.workingDaysOverdue()).putValue("critical", "URGENT".equals(c.urgency()))
                        .putValue("unitEscalations", unitReds).putValue("timeUsedShare", Math.max(m.timeUsedShare(), overdue ? 1.0 : 0)))
                .evaluate().getSingleResult().getEntry("level");
        LadderLevel l = LadderLevel.valueOf(level);
        if (l == LadderLevel.NONE) {
            return;
        }
        int inserted = jdbc.sql("""
                insert into case_escalation (case_id, level, level_rank, working_days_overdue, reached_at)
                select :c, :l, :r, :d, :t from (values (1)) as one(x)
                where not exists (select 1 from case_escalation where case_id = :c and level = :l)""")
                .param("c", c.id()).param("l", l.name()).param("r", l.rank()).param("d", m.workingDaysOverdue())
                .param("t", Timestamp.from(clock.instant())).update();
        if (inserted > 0) {
            cases.event(c.id(), "ESCALATION", null, l.name(), clock.instant());
        }
    }
}
