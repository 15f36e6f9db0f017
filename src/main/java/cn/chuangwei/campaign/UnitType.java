package cn.chuangwei.campaign;

/** Kinds of responsible unit (责任单位). Villages and residents' committees take the template's village tasks. */
public enum UnitType {
    DEPARTMENT, VILLAGE, COMMUNITY, SCHOOL, HEALTH_CENTER, MARKET, ENTERPRISE, OTHER;

    public boolean isVillage() {
        return this == VILLAGE || this == COMMUNITY;
    }
}
