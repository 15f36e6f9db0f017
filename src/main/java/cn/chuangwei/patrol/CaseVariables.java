package cn.chuangwei.patrol;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the variables of {@code patrol-case.bpmn} that its delegates and listeners share. */
final class CaseVariables {

    private CaseVariables() {
    }

    static long caseId(VariableScope scope) {
        return ((Number) scope.getVariable("caseId")).longValue();
    }
}
