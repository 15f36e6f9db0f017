package cn.chuangwei.supervision;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monthly assessment's scoring (月度考核): a base score, less deductions per overdue task, per working day
 * overdue, per returned task (返工) and per ladder level reached in the month, and for patrol cases per percentage point
 * of 按期结案率 below the target and per failed on-site check (after Jinhua's scoring of digital urban management).
 *
 * @param baseScore A unit's score before deductions.
 * @param perOverdueTask Points off per task overdue in the month.
 * @param perOverdueDay Points off per working day a task was overdue.
 * @param perRework Points off per task returned to the unit (返工).
 * @param perLevel Points off per ladder level reached in the month, by level (YELLOW, RED, CIRCULAR, INTERVIEW,
 *                 ACCOUNTABILITY).
 * @param caseOnTimeTarget Share of patrol cases closed on time (按期结案率) below which points are taken off.
 * @param perCasePointBelow Points off per percentage point of 按期结案率 below the target.
 * @param perFailedCheck Points off per failed on-site check of a patrol case.
 */
@ConfigurationProperties("chuangwei.assessment")
record AssessmentRules(BigDecimal baseScore, BigDecimal perOverdueTask, BigDecimal perOverdueDay,
                              BigDecimal perRework, Map<String, BigDecimal> perLevel, BigDecimal caseOnTimeTarget,
                              BigDecimal perCasePointBelow, BigDecimal perFailedCheck) {

    public BigDecimal levelPoints(String level) {
        return perLevel == null ? BigDecimal.ZERO : perLevel.getOrDefault(level, BigDecimal.ZERO);
    }
}
