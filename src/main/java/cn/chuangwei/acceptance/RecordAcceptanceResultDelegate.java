package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The on-site result as {@code dmn/acceptance-result.dmn} decided it ({@code acceptanceResult}) is put on record: the
 * attempt passed or failed; on RECTIFY its problem list becomes rectification tasks due by the authority's deadline (or
 * the configured working days), and the failures so far ({@code failedAttempts}, the decision's input) count one more.
 */
@Component
class RecordAcceptanceResultDelegate implements JavaDelegate {

    private final AcceptanceService acceptance;

    RecordAcceptanceResultDelegate(AcceptanceService acceptance) {
        this.acceptance = acceptance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String result = (String) execution.getVariable("acceptanceResult");
        Object rectifyBy = execution.getVariable(AcceptanceForms.RECTIFY_BY);
        acceptance.conclude(TaskVariables.campaignId(execution), result, date(rectifyBy), null);
        if (!"PASS".equals(result)) {
            execution.setVariable("failedAttempts", ((Number) execution.getVariable("failedAttempts")).intValue() + 1);
        }
    }

    private static LocalDate date(Object text) {
        try {
            return text instanceof String s && !s.isBlank() ? LocalDate.parse(s.strip()) : null;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-date", AcceptanceForms.RECTIFY_BY, AcceptanceForms.RECTIFY_BY, text);
        }
    }
}
