package cn.chuangwei.campaign;

/** Where a phase stands: not started, units at work, the leading group signing, rectifying after HOLD, escalated, done. */
public enum PhaseStatus {
    PENDING, ACTIVE, SIGNING, RECTIFYING, ESCALATED, DONE
}
