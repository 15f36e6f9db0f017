package cn.chuangwei.kernel;

/** The Camunda groups the application works with. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String LEADING_GROUP = "leading-group";
    public static final String OFFICE = "campaign-office";
    public static final String SUPERVISORS = "supervisors";
    public static final String UNIT_PREFIX = "unit-";

    private Groups() {
    }

    public static String unit(String unitCode) {
        return UNIT_PREFIX + unitCode;
    }
}
