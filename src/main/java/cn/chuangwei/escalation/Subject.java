package cn.chuangwei.escalation;

/**
 * What the ladder escalates: a unit's task (a decomposition row) or a patrol case, with the unit that answers for it and
 * the person who works on it.
 *
 * @param responsible the person working on it (a task's person; null for a case), told with the unit's head
 * @param critical    a critical task (重点任务) or an urgent case climbs faster
 */
public record Subject(Kind kind, long id, long campaignId, String unitCode, String responsible, boolean critical) {

    /** The kinds of subject, each with the column that holds its id in the ladder's record. */
    public enum Kind {
        TASK("task_row_id"), CASE("case_id");

        final String column;

        Kind(String column) {
            this.column = column;
        }

        /** The key of a notice about this kind of subject reaching a level: each is sent once. */
        String noticeKey(long id, LadderLevel level) {
            return (this == TASK ? "escalation:" : "case-escalation:") + id + ":" + level.name();
        }
    }

    public static Subject task(long rowId, long campaignId, String unitCode, String person, boolean critical) {
        return new Subject(Kind.TASK, rowId, campaignId, unitCode, person, critical);
    }

    public static Subject patrolCase(long caseId, long campaignId, String unitCode, boolean urgent) {
        return new Subject(Kind.CASE, caseId, campaignId, unitCode, null, urgent);
    }
}
