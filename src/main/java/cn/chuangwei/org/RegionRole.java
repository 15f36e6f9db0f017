package cn.chuangwei.org;

import cn.chuangwei.kernel.Groups;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A person's role in a region, as set up through {@code /api/regions/{id}/people}. A town's roles are its office, its
 * leading group, its supervisors and its unit heads; a county's (or city's) is its office, which oversees every town
 * below. Each role but the unit head's is a Camunda group of the whole installation; the region's tenant says where.
 */
public enum RegionRole {
    OFFICE(Groups.OFFICE, true),
    LEADING_GROUP(Groups.LEADING_GROUP, true),
    SUPERVISOR(Groups.SUPERVISORS, true),
    /** A unit's head: a login of the town, in no group until a campaign names their unit (group {@code unit-<code>}). */
    UNIT_HEAD(null, true),
    COUNTY_OFFICE(Groups.COUNTY_OFFICE, false);

    /** The groups whose members act with the same role in every town they work in. */
    static final List<String> ROLE_GROUPS = List.of(Groups.OFFICE, Groups.LEADING_GROUP, Groups.SUPERVISORS,
            Groups.COUNTY_OFFICE);

    private final String group;
    private final boolean town;

    RegionRole(String group, boolean town) {
        this.group = group;
        this.town = town;
    }

    /** The Camunda group that carries the role, or null (a unit head's groups come with the campaign's units). */
    public String group() {
        return group;
    }

    /** Whether the role is held in a town (else in a region above towns). */
    public boolean inTown() {
        return town;
    }

    public static Optional<RegionRole> parse(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(text.trim())).findFirst();
    }

    static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
