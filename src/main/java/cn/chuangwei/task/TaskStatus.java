package cn.chuangwei.task;

/** A decomposition row's state: waiting for the unit, submitted for review, returned for rework, accepted, or left unfinished when its phase closed. */
public enum TaskStatus {
    OPEN, SUBMITTED, RETURNED, ACCEPTED, UNFINISHED;

    public boolean isDone() {
        return this == ACCEPTED || this == UNFINISHED;
    }
}
