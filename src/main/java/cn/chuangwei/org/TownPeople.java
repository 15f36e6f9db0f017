package cn.chuangwei.org;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a town's office sets a campaign up from: the towns whose office the caller is, and each town's people by role
 * (as {@code /board/regions/{id}} lists them, with the same rights: {@link RegionSetup#people}).
 */
@Component
public class TownPeople {

    /** A person with a role in a town, named as the pages show them. */
    public record Person(String userId, String name, RegionRole role) {
    }

    private final RegionSetup setup;
    private final Regions regions;
    private final CurrentUser currentUser;

    TownPeople(RegionSetup setup, Regions regions, CurrentUser currentUser) {
        this.setup = setup;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    /** The towns whose office the caller is (an administrator: every town), in the order they were made. */
    public List<Region> officeTowns() {
        if (currentUser.isAdmin()) {
            return regions.all().stream().filter(r -> r.level() == Region.Level.TOWN).toList();
        }
        if (!currentUser.inGroup(Groups.OFFICE)) {
            return List.of();
        }
        List<String> mine = currentUser.tenants();
        return regions.all().stream().filter(r -> r.level() == Region.Level.TOWN && mine.contains(r.tenantId())).toList();
    }

    /**
     * 403 {@code region-people-only} unless the caller sets up the person's details: an administrator, or the office of
     * a town the person works in (or the county's office above it), as {@code /board/regions/{id}} sets up its people.
     */
    public void requireSetsUp(String userId) {
        if (!setup.setsUpPerson(userId)) {
            throw ApiException.forbidden("region-people-only");
        }
    }

    /**
     * The region, if the caller sets up its people (403, 404 as {@link RegionSetup#forPeople}) and the person works in
     * it; 404 {@code unknown-person} for anyone else.
     */
    public Region requireSetsUp(long regionId, String userId) {
        Region region = setup.forPeople(regionId);
        if (userId == null || !setup.worksIn(region, userId)) {
            throw ApiException.notFound("unknown-person", "userId", userId);
        }
        return region;
    }

    /** The town's people by role and name; 403 unless the caller sets up the town's people. */
    public List<Person> of(Region town) {
        return setup.people(town.id()).stream()
                .map(p -> new Person(p.userId(), p.name(), RegionRole.valueOf(p.role()))).toList();
    }
}
