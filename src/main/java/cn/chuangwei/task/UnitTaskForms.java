package cn.chuangwei.task;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forms of a decomposition row's work in {@code phase.bpmn}: the unit's task and the office's review. */
@Component
class UnitTaskForms implements ProcessForms {

    static final String PROCESS = "campaign-phase";
    static final String UNIT_TASK = "unitTask";
    static final String REVIEW_TASK = "reviewTask";

    static final String RESULT_SUMMARY = "resultSummary";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String RETURN_REASON = "returnReason";

    /** {@code unit-task.form}: the unit reports its result. */
    static final FormRules UNIT = FormRules.userTask(PROCESS, UNIT_TASK, "unit-task",
            Field.readOnly("unitName"), Field.readOnly("taskTitle"), Field.readOnly("taskTarget"),
            Field.readOnly("taskDeadlineText"), Field.readOnly("lastReturnReason"),
            Field.text(RESULT_SUMMARY, 4000).required());

    /** {@code unit-task-review.form}: the office accepts the result or returns it with a reason. */
    static final FormRules REVIEW = FormRules.userTask(PROCESS, REVIEW_TASK, "unit-task-review",
            Field.readOnly("unitName"), Field.readOnly("taskTitle"), Field.readOnly("taskTarget"),
            Field.readOnly(RESULT_SUMMARY),
            Field.choice(REVIEW_DECISION, "ACCEPT", "RETURN"),
            Field.text(RETURN_REASON, 1000).requiredWhen(REVIEW_DECISION, "RETURN"));

    @Override
    public List<FormRules> forms() {
        return List.of(UNIT, REVIEW);
    }
}
