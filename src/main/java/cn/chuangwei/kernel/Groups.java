package cn.chuangwei.kernel;

/** The Camunda groups the application works with. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String LEADING_GROUP = "leading-group";
    public static final String OFFICE = "campaign-office";
    public static final String SUPERVISORS = "supervisors";
    public static final String UNIT_PREFIX = "unit-";
    /** Grid inspectors (网格员), who report problems found on patrol. */
    public static final String GRID_INSPECTORS = "grid-inspectors";
    /** A county's (or city's) 爱卫办: reads the work of every town below it, completes none. */
    public static final String COUNTY_OFFICE = "county-office";
    /** The complaints hotline (热线受理员). */
    public static final String HOTLINE = "hotline";

    private Groups() {
    }

    public static String unit(String unitCode) {
        return UNIT_PREFIX + unitCode;
    }
}
