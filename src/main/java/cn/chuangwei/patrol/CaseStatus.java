package cn.chuangwei.patrol;

/**
 * Where a case stands: reported, registered (立案) or voided, dispatched to a unit, sent back by it, waiting under an
 * approved delay (缓办), handled and awaiting
 * the unit's feedback (处理反馈), fed back and awaiting the site check, back for rework after a failed check, closed (结案), reopened after an unsatisfied
 * caller. Its steps are the methods of {@link CaseTransitions}.
 */
public enum CaseStatus {
    REPORTED, REGISTERED, VOID, DISPATCHED, SENT_BACK, PENDING, HANDLED, FED_BACK, REWORK, CLOSED, REOPENED
}
