package cn.chuangwei.task;

/** PLAN: from the decomposition table; RECTIFICATION: added by the office after a phase gate said HOLD. */
public enum TaskOrigin {
    PLAN, RECTIFICATION
}
