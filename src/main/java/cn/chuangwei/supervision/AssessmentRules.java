package cn.chuangwei.supervision;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monthly assessment's scoring (月度考核): a base score, less deductions per overdue task, per working day
 * overdue, per returned task (返工) and per ladder level reached in the month, and for patrol cases per percentage point
 * of 按期结案率 below the target and per failed on-site check (after Jinhua's scoring of digital urban management).
 */
@ConfigurationProperties("chuangwei.assessment")
public record AssessmentRules(BigDecimal baseScore, BigDecimal perOverdueTask, BigDecimal perOverdueDay,
                              BigDecimal perRework, Map<String, BigDecimal> perLevel, BigDecimal caseOnTimeTarget,
                              BigDecimal perCasePointBelow, BigDecimal perFailedCheck) {

    public BigDecimal levelPoints(String level) {
        return perLevel == null ? BigDecimal.ZERO : perLevel.getOrDefault(level, BigDecimal.ZERO);
    }
}
