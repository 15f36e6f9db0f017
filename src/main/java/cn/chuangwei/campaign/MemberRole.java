package cn.chuangwei.campaign;

/** A person's place in a campaign: the leading group (组长, 副组长, 成员), the office (创卫办) and the supervisors (督查组). */
public enum MemberRole {
    LEADER, DEPUTY, MEMBER, OFFICE, SUPERVISOR;

    /** Leading-group members sign the phase gates. */
    public boolean signsGates() {
        return this == LEADER || this == DEPUTY || this == MEMBER;
    }
}
