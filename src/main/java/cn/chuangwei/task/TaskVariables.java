package cn.chuangwei.task;

import cn.chuangwei.kernel.Phase;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the variables a task or execution of {@code phase.bpmn} carries. */
public final class TaskVariables {

    public static final String TASK_ROW_ID = "taskRowId";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String REVIEW_OUTCOME = "reviewOutcome";

    private TaskVariables() {
    }

    public static long campaignId(VariableScope scope) {
        return ((Number) scope.getVariable("campaignId")).longValue();
    }

    public static Phase phase(VariableScope scope) {
        return Phase.valueOf((String) scope.getVariable("phase"));
    }

    public static long taskRowId(VariableScope scope) {
        return ((Number) scope.getVariable(TASK_ROW_ID)).longValue();
    }
}
