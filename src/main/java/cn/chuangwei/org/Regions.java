package cn.chuangwei.org;

import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The administrative hierarchy (table {@code region}) and each region's Camunda tenant, kept together: a region is
 * written with its tenant, and a person who works in a region becomes a member of its tenant.
 */
@Repository
public class Regions {

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final AppRights appRights;
    private final CurrentUser currentUser;

    Regions(JdbcClient jdbc, IdentityService identity, AppRights appRights, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.appRights = appRights;
        this.currentUser = currentUser;
    }

    /**
     * Whether the caller oversees the region: an administrator, or a person of the office of the region or of a region
     * above it (group {@code county-office}, member of that region's tenant). An overseer reads every town below and
     * completes no town's task.
     */
    public boolean oversees(long regionId) {
        if (currentUser.isAdmin()) {
            return true;
        }
        if (!currentUser.inGroup(Groups.COUNTY_OFFICE)) {
            return false;
        }
        List<String> mine = currentUser.tenants();
        return withAncestors(regionId).stream().anyMatch(r -> r.level() != Region.Level.TOWN && mine.contains(r.tenantId()));
    }

    /**
     * The region of this name and level under {@code parentId} (null: at the top), created with its tenant if new. A new
     * town's overseers (the offices of the regions above it) become members of its tenant at once.
     */
    public Region ensure(String name, Region.Level level, Long parentId) {
        Optional<Region> known = find(name, level, parentId);
        if (known.isPresent()) {
            return ensureTenant(known.get());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into region (name, level, parent_id) values (:n, :l, :p)")
                .param("n", name).param("l", level.name()).param("p", parentId).update(keys, "id");
        Region region = new Region(keys.getKey().longValue(), name, level, parentId);
        ensureTenant(region);
        if (level == Region.Level.TOWN && parentId != null) {
            for (Region above : withAncestors(parentId)) {
                overseersOf(above).forEach(userId -> addMember(region, userId));
            }
        }
        return region;
    }

    /** Every region, in the order they were made. */
    public List<Region> all() {
        return jdbc.sql("select * from region order by id").query(Regions::region).list();
    }

    /** The towns of this name, of any county. */
    List<Region> townsNamed(String name) {
        return jdbc.sql("select * from region where name = :n and level = :l order by id")
                .param("n", name).param("l", Region.Level.TOWN.name()).query(Regions::region).list();
    }

    /** The people of the office of the region (group {@code county-office}, members of its own tenant). */
    public List<String> overseersOf(Region region) {
        if (region.level() == Region.Level.TOWN) {
            return List.of();
        }
        return appRights.lookUp(() -> identity.createUserQuery().memberOfTenant(region.tenantId())
                .memberOfGroup(Groups.COUNTY_OFFICE).list().stream().map(u -> u.getId()).toList());
    }

    /** A town of this name: the one there is (of any county), else a new one without a county. */
    public Region town(String name) {
        return findTown(name).map(this::ensureTenant).orElseGet(() -> ensure(name, Region.Level.TOWN, null));
    }

    /** The first town of this name, if there is one (without creating it). */
    public Optional<Region> findTown(String name) {
        return townsNamed(name).stream().findFirst();
    }

    /** The regions above towns whose office the caller is in (a county's 爱卫办: its county), highest first. */
    public List<Region> overseen() {
        if (!currentUser.inGroup(Groups.COUNTY_OFFICE)) {
            return List.of();
        }
        List<String> mine = currentUser.tenants();
        return all().stream().filter(r -> r.level() != Region.Level.TOWN && mine.contains(r.tenantId()))
                .sorted(java.util.Comparator.comparing(Region::level).thenComparing(Region::name)).toList();
    }

    public Optional<Region> find(long id) {
        return jdbc.sql("select * from region where id = :id").param("id", id).query(Regions::region).optional();
    }

    /** The region and every region above it, the region first. */
    public List<Region> withAncestors(long id) {
        List<Region> chain = new ArrayList<>();
        for (Optional<Region> r = find(id); r.isPresent(); r = r.get().parentId() == null ? Optional.empty()
                : find(r.get().parentId())) {
            chain.add(r.get());
        }
        return chain;
    }

    /** The towns under a region (itself, if it is a town), at any depth: the hierarchy read once, walked in memory. */
    public List<Region> townsUnder(long id) {
        List<Region> all = all();
        Map<Long, List<Region>> children = new HashMap<>();
        all.stream().filter(r -> r.parentId() != null)
                .forEach(r -> children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r));
        List<Region> towns = new ArrayList<>();
        List<Region> level = all.stream().filter(r -> r.id() == id).toList();
        while (!level.isEmpty()) {
            List<Region> next = new ArrayList<>();
            for (Region r : level) {
                if (r.level() == Region.Level.TOWN) {
                    towns.add(r);
                }
                next.addAll(children.getOrDefault(r.id(), List.of()));
            }
            level = next;
        }
        return towns;
    }

    /**
     * A person of a county's (or city's) office: a member of the region's own tenant (which makes them its overseer), of
     * every town's tenant below it and of the group {@code county-office}, so that they read every town's work and
     * complete none.
     */
    public void addOverseer(Region region, String userId) {
        appRights.lookUp(() -> {
            if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.COUNTY_OFFICE).count() == 0) {
                identity.createMembership(userId, Groups.COUNTY_OFFICE);
            }
            return null;
        });
        addMember(region, userId);
        townsUnder(region.id()).forEach(town -> addMember(town, userId));
    }

    /** Whether the person works in the region: a member of its tenant, by name or through a group. */
    public boolean isMember(Region region, String userId) {
        return userId != null && appRights.lookUp(() -> identity.createTenantQuery().tenantId(region.tenantId())
                .userMember(userId).includingGroupsOfUser(true).count() > 0);
    }

    /** Puts the person into the region's tenant, if they are not in it (with the application's rights). */
    public void addMember(Region region, String userId) {
        ensureTenant(region);
        appRights.lookUp(() -> {
            if (identity.createTenantQuery().tenantId(region.tenantId()).userMember(userId).count() == 0) {
                identity.createTenantUserMembership(region.tenantId(), userId);
            }
            return null;
        });
    }

    /** Takes the person out of the region's tenant (with the application's rights). */
    void removeMember(Region region, String userId) {
        appRights.lookUp(() -> {
            if (identity.createTenantQuery().tenantId(region.tenantId()).userMember(userId).count() > 0) {
                identity.deleteTenantUserMembership(region.tenantId(), userId);
            }
            return null;
        });
    }

    /** The region's tenant, created with the application's rights: whoever sets a town up need not administer Camunda. */
    private Region ensureTenant(Region region) {
        return appRights.lookUp(() -> {
            if (identity.createTenantQuery().tenantId(region.tenantId()).count() == 0) {
                Tenant t = identity.newTenant(region.tenantId());
                t.setName(region.name());
                identity.saveTenant(t);
                if (region.level() == Region.Level.TOWN) {
                    // the complaints hotline (12345) takes calls for every town, until the county assigns it towns
                    identity.createTenantGroupMembership(region.tenantId(), Groups.HOTLINE);
                }
            }
            return region;
        });
    }

    Optional<Region> find(String name, Region.Level level, Long parentId) {
        return jdbc.sql("""
                select * from region where name = :n and level = :l
                and ((cast(:p as bigint) is null and parent_id is null) or parent_id = :p)""")
                .param("n", name).param("l", level.name()).param("p", parentId).query(Regions::region).optional();
    }

    private static Region region(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Region(rs.getLong("id"), rs.getString("name"), Region.Level.valueOf(rs.getString("level")),
                (Long) rs.getObject("parent_id", Long.class));
    }
}
