package cn.chuangwei.patrol;

import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forms of {@code patrol-case.bpmn}: 立案, 派遣, 处置, 处理反馈, 挂账 and 核查. */
@Component
class PatrolCaseForms implements ProcessForms {

    static final String PROCESS = "patrol-case";
    static final String CHECK_CASE = "checkCase";

    static final FormRules REGISTER_CASE = FormRules.userTask(PROCESS, "registerCase", "case-register",
            Field.readOnly("caseTitle"),
            Field.choice("registerDecision", "REGISTER", "VOID"),
            Field.text("voidReason", 500).requiredWhen("registerDecision", "VOID"));

    static final FormRules DISPATCH_CASE = FormRules.userTask(PROCESS, "dispatchCase", "case-dispatch",
            Field.readOnly("caseTitle"), Field.readOnly("proposedUnitName"),
            // a drop-down of the campaign's units (options from the variable "unitChoices"); a code that is none of the
            // campaign's units is refused naming "unitCode" when the case is dispatched (CaseTransitions.dispatch)
            Field.text("unitCode", 40).required(),
            Field.text("dispatchNote", 500));

    static final FormRules HANDLE_CASE = FormRules.userTask(PROCESS, "handleCase", "case-handle",
            Field.readOnly("caseTitle"),
            Field.choice("handleOutcome", "HANDLED", "SEND_BACK", "PENDING"),
            // a note on what was done, if the unit writes one: the result itself is 处理反馈's
            Field.text("handleResult", 2000),
            Field.text("sendBackReason", 500).requiredWhen("handleOutcome", "SEND_BACK"),
            Field.text("pendingReason", 500).requiredWhen("handleOutcome", "PENDING"),
            Field.date("pendingUntil").requiredWhen("handleOutcome", "PENDING"));

    static final FormRules FEEDBACK = FormRules.userTask(PROCESS, "feedbackCase", "case-feedback",
            Field.readOnly("caseTitle"),
            Field.text("feedbackResult", 2000).required());

    static final FormRules APPROVE_PENDING = FormRules.userTask(PROCESS, "approvePending", "case-pending",
            Field.readOnly("caseTitle"),
            Field.choice("pendingApproved", "YES", "NO"));

    static final FormRules CHECK = FormRules.userTask(PROCESS, CHECK_CASE, "case-check",
            Field.readOnly("caseTitle"),
            Field.choice("checkOutcome", "PASS", "FAIL"),
            Field.text("failReason", 500).requiredWhen("checkOutcome", "FAIL"));

    /** The user tasks of the case's process, by their definition keys. */
    static java.util.Set<String> taskKeys() {
        return java.util.Set.of(REGISTER_CASE.element(), DISPATCH_CASE.element(), HANDLE_CASE.element(),
                FEEDBACK.element(), APPROVE_PENDING.element(), CHECK.element());
    }

    @Override
    public List<FormRules> forms() {
        return List.of(REGISTER_CASE, DISPATCH_CASE, HANDLE_CASE, FEEDBACK, APPROVE_PENDING, CHECK);
    }
}
