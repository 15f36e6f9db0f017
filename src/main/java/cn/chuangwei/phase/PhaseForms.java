package cn.chuangwei.phase;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forms of the phase gate in {@code phase.bpmn}: the leading group's signatures, the leader's decision, rectification. */
@Component
public class PhaseForms implements ProcessForms {

    static final String PROCESS = "campaign-phase";
    public static final String SIGN_GATE = "signGate";
    static final String LEADER_DECISION = "leaderDecision";
    static final String RECTIFY = "rectifyTasks";

    static final String SIGN_DECISION = "signDecision";
    static final String SIGN_COMMENT = "signComment";
    static final String LEADER_DECISION_FIELD = "leaderDecision";
    static final String LEADER_COMMENT = "leaderComment";

    /** {@code phase-gate-sign.form}: a member approves, or rejects with a comment. */
    static final FormRules SIGN = FormRules.userTask(PROCESS, SIGN_GATE, "phase-gate-sign",
            Field.readOnly("campaignName"), Field.readOnly("phaseName"),
            Field.choice(SIGN_DECISION, "APPROVE", "REJECT"),
            Field.text(SIGN_COMMENT, 1000).requiredWhen(SIGN_DECISION, "REJECT"));

    /** {@code phase-gate-leader.form}: the leader passes an escalated gate or holds it for rectification. */
    static final FormRules LEADER = FormRules.userTask(PROCESS, LEADER_DECISION, "phase-gate-leader",
            Field.readOnly("campaignName"), Field.readOnly("phaseName"),
            Field.choice(LEADER_DECISION_FIELD, "PASS", "HOLD"),
            Field.text(LEADER_COMMENT, 1000));

    /** {@code phase-rectify.form}: the office has added the rectification tasks (through the API) and notes it. */
    static final FormRules RECTIFY_TASKS = FormRules.userTask(PROCESS, RECTIFY, "phase-rectify",
            Field.readOnly("campaignName"), Field.readOnly("phaseName"),
            Field.text("rectifyNote", 1000));

    @Override
    public List<FormRules> forms() {
        return List.of(SIGN, LEADER, RECTIFY_TASKS);
    }
}
