package cn.chuangwei.org;

/**
 * A region of the administrative hierarchy (province, city, county, town) and the Camunda tenant its work runs in.
 *
 * @param parentId the region above it, or null
 */
public record Region(long id, String name, Level level, Long parentId) {

    /** The levels, highest first. */
    public enum Level { PROVINCE, CITY, COUNTY, TOWN }

    /** The Camunda tenant of the region: a town's campaigns and cases run in it, its people are its members. */
    public String tenantId() {
        return tenantOf(id);
    }

    public static String tenantOf(long regionId) {
        return "region-" + regionId;
    }
}
