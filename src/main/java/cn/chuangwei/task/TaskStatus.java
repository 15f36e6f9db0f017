package cn.chuangwei.task;

import java.util.Arrays;
import java.util.List;

/** A decomposition row's state: waiting for the unit, submitted for review, returned for rework, accepted, or left unfinished when its phase closed. */
public enum TaskStatus {
    OPEN, SUBMITTED, RETURNED, ACCEPTED, UNFINISHED;

    public boolean isDone() {
        return this == ACCEPTED || this == UNFINISHED;
    }

    /** Waiting for the unit (new or returned for rework): the states in which a row's deadline can pass. */
    public boolean isOpen() {
        return this == OPEN || this == RETURNED;
    }

    /** Still in play: waiting for the unit or for the office's review. */
    public boolean isActive() {
        return isOpen() || this == SUBMITTED;
    }

    /** The names of the open states, for a query's {@code status in (:open)}. */
    public static List<String> openNames() {
        return Arrays.stream(values()).filter(TaskStatus::isOpen).map(Enum::name).toList();
    }

    /** The names of the active states, for a query's {@code status in (:active)}. */
    public static List<String> activeNames() {
        return Arrays.stream(values()).filter(TaskStatus::isActive).map(Enum::name).toList();
    }
}
