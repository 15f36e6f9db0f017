package cn.chuangwei.supervision;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monthly assessment's scoring (月度考核, seed 002): a base score, less deductions per overdue task, per working day
 * overdue, per returned task (返工) and per ladder level reached in the month.
 */
@ConfigurationProperties("chuangwei.assessment")
public record AssessmentRules(BigDecimal baseScore, BigDecimal perOverdueTask, BigDecimal perOverdueDay,
                              BigDecimal perRework, Map<String, BigDecimal> perLevel) {

    public BigDecimal levelPoints(String level) {
        return perLevel == null ? BigDecimal.ZERO : perLevel.getOrDefault(level, BigDecimal.ZERO);
    }
}
