package cn.chuangwei.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.DecisionTable;
import cn.chuangwei.support.DecisionTable.Outcome;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code dmn/escalation-ladder.dmn} and its boundaries. */
class EscalationLadderDecisionTest {

    static final DecisionTable TABLE = new DecisionTable("escalation-ladder.dmn", "escalation-ladder");

    @ParameterizedTest(name = "overdue {0}, {1} wd, critical {2}, unit reds {3}, used {4} -> {5} {6} ({8})")
    @CsvSource({
            // not yet at the warning point; 80% is the yellow boundary
            "false,  0, false, 0, 0.0,   NONE,           '',     '',                                      Rule_None",
            "false,  0, false, 5, 0.79,  NONE,           '',     '',                                      Rule_None",
            "false,  0, true,  0, 0.8,   YELLOW,         '',     UNIT_HEAD,                               Rule_Yellow",
            "false,  0, false, 0, 1.0,   YELLOW,         '',     UNIT_HEAD,                               Rule_Yellow",
            // past the deadline: red and a reminder notice, whatever the share
            "true,   0, false, 0, 1.0,   RED,            '',     'UNIT_HEAD,OFFICE',                      Rule_Red",
            "true,   2, false, 2, 1.4,   RED,            '',     'UNIT_HEAD,OFFICE',                      Rule_Red",
            // circular: 3 working days overdue (2 is still red); a critical task after 1
            "true,   3, false, 0, 1.5,   CIRCULAR,       '',     'UNIT_HEAD,DEPUTY,OFFICE,SUPERVISORS',   Rule_Circular",
            "true,   9, false, 2, 3.0,   CIRCULAR,       '',     'UNIT_HEAD,DEPUTY,OFFICE,SUPERVISORS',   Rule_Circular",
            "true,   1, true,  0, 1.1,   CIRCULAR,       '',     'UNIT_HEAD,DEPUTY,OFFICE,SUPERVISORS',   Rule_CriticalCircular",
            "true,   0, true,  0, 1.0,   RED,            '',     'UNIT_HEAD,OFFICE',                      Rule_Red",
            // repeated reds of the unit: interview from 3 working days overdue
            "true,   3, false, 3, 1.5,   INTERVIEW,      DEPUTY, 'UNIT_HEAD,DEPUTY,OFFICE',               Rule_RepeatedInterview",
            "true,   2, false, 3, 1.4,   RED,            '',     'UNIT_HEAD,OFFICE',                      Rule_Red",
            // interview: 10 working days (9 is a circular); a critical task after 5, by the leader
            "true,  10, false, 0, 4.0,   INTERVIEW,      DEPUTY, 'UNIT_HEAD,DEPUTY,OFFICE',               Rule_Interview",
            "true,   5, true,  0, 2.0,   INTERVIEW,      LEADER, 'UNIT_HEAD,DEPUTY,LEADER,OFFICE',        Rule_CriticalInterview",
            "true,   4, true,  0, 2.0,   CIRCULAR,       '',     'UNIT_HEAD,DEPUTY,OFFICE,SUPERVISORS',   Rule_CriticalCircular",
            // accountability: 20 working days (19 is an interview)
            "true,  19, false, 0, 6.0,   INTERVIEW,      DEPUTY, 'UNIT_HEAD,DEPUTY,OFFICE',               Rule_Interview",
            "true,  20, false, 0, 6.0,   ACCOUNTABILITY, LEADER, 'UNIT_HEAD,DEPUTY,LEADER,OFFICE,SUPERVISORS', Rule_Accountability",
            "true,  35, true,  9, 9.0,   ACCOUNTABILITY, LEADER, 'UNIT_HEAD,DEPUTY,LEADER,OFFICE,SUPERVISORS', Rule_Accountability"})
    void decides(boolean overdue, int days, boolean critical, int unitReds, double used, String level, String interviewer,
                 String notify, String rule) {
        Outcome o = TABLE.evaluate(Map.of("overdue", overdue, "workingDaysOverdue", days, "critical", critical,
                "unitEscalations", unitReds, "timeUsedShare", used));
        assertThat(o.get("level")).isEqualTo(level);
        assertThat(o.get("interviewer")).isEqualTo(interviewer);
        assertThat(o.get("notify")).isEqualTo(notify);
        assertThat(o.rule()).isEqualTo(rule);
    }
}
