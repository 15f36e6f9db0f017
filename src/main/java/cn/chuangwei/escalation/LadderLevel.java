package cn.chuangwei.escalation;

/** The rungs of the escalation ladder (督查督办), lowest first; names in the message bundles ({@code ladder.<LEVEL>}). */
public enum LadderLevel {
    NONE, YELLOW, RED, CIRCULAR, INTERVIEW, ACCOUNTABILITY;

    public int rank() {
        return ordinal();
    }
}
