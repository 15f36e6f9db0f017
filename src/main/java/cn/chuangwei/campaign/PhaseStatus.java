package cn.chuangwei.campaign;

import java.util.Arrays;
import java.util.List;

/** Where a phase stands: not started, units at work, the leading group signing, rectifying after HOLD, escalated, done. */
public enum PhaseStatus {
    PENDING, ACTIVE, SIGNING, RECTIFYING, ESCALATED, DONE;

    /** Started and not yet closed: its units' tasks are in their hands and their deadlines count. */
    public boolean isUnderWay() {
        return this != PENDING && this != DONE;
    }

    /** The names of the states that are not under way, for a query's {@code status not in (:idle)}. */
    public static List<String> idleNames() {
        return Arrays.stream(values()).filter(s -> !s.isUnderWay()).map(Enum::name).toList();
    }
}
