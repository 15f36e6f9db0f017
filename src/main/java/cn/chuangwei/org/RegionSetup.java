package cn.chuangwei.org;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hierarchy and each region's people, set up by those in charge of it, with no hand on Camunda's groups: an
 * administrator anywhere; a county's (or city's) office under its region (new towns, their people); a town's office its
 * own town's office colleagues, leading group, supervisors and unit heads. Each role held is recorded in
 * {@code region_role}; the Camunda group and the region's tenant follow from it, and a role removed takes away only
 * the memberships no other role (or running campaign) still needs. A refused request changes nothing.
 */
@Service
class RegionSetup {

    /** A login as the engine accepts it ({@code general-resource-whitelist-pattern}). */
    static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final int NAME_MAX = 100;
    static final int PERSON_NAME_MAX = 50;
    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;

    /** A region as the caller sees it: whether they oversee it (may add regions and any role) or set its people up. */
    record RegionView(long id, String name, String level, Long parentId, int depth, boolean oversees,
                      boolean managesPeople) {
    }

    record Person(String userId, String name, String email, String role) {
    }

    record NewRegion(String name, String level, Long parentId) {
    }

    record NewPerson(String userId, String name, String email, String password, String role) {
    }

    private final Regions regions;
    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final ProcessEngine engine;
    private final AppRights appRights;
    private final CurrentUser currentUser;
    private final List<CampaignPeople> campaignPeople;

    RegionSetup(Regions regions, JdbcClient jdbc, IdentityService identity, ProcessEngine engine, AppRights appRights,
                CurrentUser currentUser, List<CampaignPeople> campaignPeople) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.identity = identity;
        this.engine = engine;
        this.appRights = appRights;
        this.currentUser = currentUser;
        this.campaignPeople = campaignPeople;
    }

    // ------------------------------------------------------------------------------------------------ regions

    /**
     * The regions the caller may see, parents before children: an administrator all; an overseer their region and
     * everything below; everyone the regions whose tenant they are a member of; and the regions above all of these.
     */
    List<RegionView> visible() {
        currentUser.id();
        List<Region> all = regions.all();
        Map<Long, Region> byId = all.stream().collect(Collectors.toMap(Region::id, Function.identity()));
        Map<Long, List<Region>> children = new HashMap<>();
        all.stream().filter(r -> r.parentId() != null && byId.containsKey(r.parentId()))
                .forEach(r -> children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r));
        boolean admin = currentUser.isAdmin();
        Set<String> mine = admin ? Set.of() : new HashSet<>(currentUser.tenants());
        Set<Long> overseen = new HashSet<>();
        if (admin) {
            all.forEach(r -> overseen.add(r.id()));
        } else if (currentUser.inGroup(Groups.COUNTY_OFFICE)) {
            all.stream().filter(r -> r.level() != Region.Level.TOWN && mine.contains(r.tenantId()))
                    .forEach(r -> below(r, children, overseen));
        }
        boolean office = currentUser.inGroup(Groups.OFFICE);
        Set<Long> shown = new HashSet<>(overseen);
        all.stream().filter(r -> mine.contains(r.tenantId())).forEach(r -> shown.add(r.id()));
        for (Long id : List.copyOf(shown)) {
            for (Long p = byId.get(id).parentId(); p != null && byId.containsKey(p); p = byId.get(p).parentId()) {
                shown.add(p);
            }
        }
        List<RegionView> out = new ArrayList<>();
        all.stream().filter(r -> r.parentId() == null || !byId.containsKey(r.parentId()))
                .forEach(root -> tree(root, 0, children, shown, overseen, office, mine, out));
        return out;
    }

    private static void below(Region r, Map<Long, List<Region>> children, Set<Long> into) {
        if (into.add(r.id())) {
            children.getOrDefault(r.id(), List.of()).forEach(c -> below(c, children, into));
        }
    }

    private static void tree(Region r, int depth, Map<Long, List<Region>> children, Set<Long> shown, Set<Long> overseen,
                             boolean office, Set<String> mine, List<RegionView> out) {
        if (shown.contains(r.id())) {
            boolean oversees = overseen.contains(r.id());
            boolean ownOffice = office && r.level() == Region.Level.TOWN && mine.contains(r.tenantId());
            out.add(new RegionView(r.id(), r.name(), r.level().name(), r.parentId(), depth, oversees,
                    oversees || ownOffice));
        }
        children.getOrDefault(r.id(), List.of()).stream().sorted(Comparator.comparing(Region::name))
                .forEach(c -> tree(c, depth + 1, children, shown, overseen, office, mine, out));
    }

    /** A new region under one the caller oversees (an administrator: anywhere), with its Camunda tenant. */
    @Transactional
    Region create(NewRegion req) {
        if (!currentUser.isAdmin() && !currentUser.inGroup(Groups.COUNTY_OFFICE)) {
            throw ApiException.forbidden("overseers-only");
        }
        if (req == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        String name = text(req.name(), "name", NAME_MAX);
        Region.Level level = level(req.level());
        if (req.parentId() == null) {
            if (!currentUser.isAdmin()) {
                throw ApiException.forbidden("overseers-only");
            }
        } else {
            Region parent = region(req.parentId());
            if (!regions.oversees(parent.id())) {
                throw ApiException.forbidden("region-not-overseen", parent.name());
            }
            if (level.ordinal() <= parent.level().ordinal()) {
                throw ApiException.badRequest("level-not-below", "level", level.name(), parent.name(),
                        parent.level().name());
            }
        }
        if (regions.find(name, level, req.parentId()).isPresent()) {
            throw ApiException.conflict("duplicate-region", "name", name);
        }
        if (level == Region.Level.TOWN && !regions.townsNamed(name).isEmpty()) {
            throw ApiException.conflict("duplicate-town", "name", name);
        }
        try {
            return regions.ensure(name, level, req.parentId());
        } catch (DuplicateKeyException e) {
            // the same region made at the same moment by someone else
            throw ApiException.conflict("duplicate-region", "name", name);
        }
    }

    Region region(long id) {
        return regions.find(id).orElseThrow(() -> ApiException.notFound("unknown-region", id));
    }

    /** The region and those above it, the highest first. */
    List<Region> path(Region region) {
        List<Region> chain = new ArrayList<>(regions.withAncestors(region.id()));
        java.util.Collections.reverse(chain);
        return chain;
    }

    // ------------------------------------------------------------------------------------------------ people

    /** Whether the caller sets up the region's people: its overseers (and administrators), or the town's own office. */
    boolean managesPeople(Region region) {
        if (regions.oversees(region.id())) {
            return true;
        }
        return region.level() == Region.Level.TOWN && currentUser.inGroup(Groups.OFFICE)
                && currentUser.tenants().contains(region.tenantId());
    }

    /** The region, if the caller may set up its people: 404 unknown, 403 not theirs. */
    Region forPeople(long regionId) {
        Region region = region(regionId);
        if (!managesPeople(region)) {
            throw ApiException.forbidden("region-people-only");
        }
        return region;
    }

    /**
     * Whether the person works in the region: holds a role there, or (a town) is a member of its tenant by name, as the
     * people its campaigns name are. A county's office, a member of every town's tenant below, works in its county only.
     */
    boolean worksIn(Region region, String userId) {
        if (jdbc.sql("select count(*) from region_role where region_id = :r and user_id = :u")
                .param("r", region.id()).param("u", userId).query(Long.class).single() > 0) {
            return true;
        }
        return region.level() == Region.Level.TOWN && !holdsAnywhere(userId, RegionRole.COUNTY_OFFICE)
                && appRights.lookUp(() -> identity.createTenantQuery().tenantId(region.tenantId()).userMember(userId)
                        .count() > 0);
    }

    /** Whether the caller sets up the person: an administrator, or whoever sets up the people of a region they work in. */
    boolean setsUpPerson(String userId) {
        if (currentUser.isAdmin()) {
            return true;
        }
        Set<Long> roles = new HashSet<>(jdbc.sql("select region_id from region_role where user_id = :u")
                .param("u", userId).query(Long.class).list());
        Set<String> tenants = holdsAnywhere(userId, RegionRole.COUNTY_OFFICE) ? Set.of()
                : appRights.lookUp(() -> identity.createTenantQuery().userMember(userId).list()).stream()
                        .map(Tenant::getId).collect(Collectors.toSet());
        return regions.all().stream().filter(r -> roles.contains(r.id())
                        || (r.level() == Region.Level.TOWN && tenants.contains(r.tenantId())))
                .anyMatch(this::managesPeople);
    }

    /** The roles the caller may give in the region. */
    List<RegionRole> rolesToGive(Region region) {
        boolean town = region.level() == Region.Level.TOWN;
        return java.util.Arrays.stream(RegionRole.values()).filter(r -> r.inTown() == town).toList();
    }

    /** The people with a role in the region, by role and name. */
    List<Person> people(long regionId) {
        Region region = forPeople(regionId);
        List<Map<String, Object>> rows = jdbc.sql("select user_id, role from region_role where region_id = :r")
                .param("r", region.id()).query().listOfRows();
        Set<String> ids = rows.stream().map(r -> (String) value(r, "user_id")).collect(Collectors.toSet());
        Map<String, User> users = ids.isEmpty() ? Map.of() : appRights.lookUp(() -> identity.createUserQuery()
                .userIdIn(ids.toArray(String[]::new)).list()).stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        return rows.stream().map(r -> {
            String id = (String) value(r, "user_id");
            User u = users.get(id);
            return new Person(id, u == null ? id : displayName(u), u == null ? null : u.getEmail(),
                    (String) value(r, "role"));
        }).sorted(Comparator.comparing((Person p) -> RegionRole.valueOf(p.role())).thenComparing(Person::name)
                .thenComparing(Person::userId)).toList();
    }

    /**
     * Gives a person a role in the region: a new login is created (name, e-mail and password required); an existing one
     * keeps its name, e-mail and password. The person joins the role's group and the region's tenant (a county's office:
     * every town's below).
     */
    @Transactional
    Person add(long regionId, NewPerson req) {
        Region region = forPeople(regionId);
        if (req == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        RegionRole role = role(req.role());
        if (role == RegionRole.COUNTY_OFFICE && !regions.oversees(region.id())) {
            throw ApiException.forbidden("overseers-only");
        }
        if (role.inTown() != (region.level() == Region.Level.TOWN)) {
            throw ApiException.badRequest("role-not-for-level", "role", role.name(), region.name(), region.level().name());
        }
        String userId = login(req.userId());
        User existing = appRights.lookUp(() -> identity.createUserQuery().userId(userId).singleResult());
        String name = null;
        String email = null;
        if (existing == null) {
            name = text(req.name(), "name", PERSON_NAME_MAX);
            email = email(req.email());
            password(req.password());
        }
        if (holds(userId, region.id(), role)) {
            throw ApiException.conflict("already-in-role", "userId", userId, region.name());
        }
        if (existing != null) {
            sameRolesEverywhere(region, userId, role);
        }
        if (existing == null) {
            String n = name;
            String e = email;
            appRights.lookUp(() -> {
                User u = identity.newUser(userId);
                u.setFirstName(n);
                u.setLastName("");
                u.setEmail(e);
                u.setPassword(req.password());
                identity.saveUser(u);
                return null;
            });
        }
        try {
            jdbc.sql("insert into region_role (region_id, user_id, role) values (:r, :u, :role)")
                    .param("r", region.id()).param("u", userId).param("role", role.name()).update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("already-in-role", "userId", userId, region.name());
        }
        if (role == RegionRole.COUNTY_OFFICE) {
            regions.addOverseer(region, userId);
        } else {
            if (role.group() != null) {
                appRights.lookUp(() -> {
                    if (identity.createUserQuery().userId(userId).memberOfGroup(role.group()).count() == 0) {
                        identity.createMembership(userId, role.group());
                    }
                    return null;
                });
            }
            regions.addMember(region, userId);
        }
        User u = appRights.lookUp(() -> identity.createUserQuery().userId(userId).singleResult());
        return new Person(userId, displayName(u), u.getEmail(), role.name());
    }

    /**
     * Takes a role from a person. The region's tenant (a county office's: every town's below) is left unless no other role
     * there, no office above and no running campaign of the town still needs it; the role's group unless they hold the
     * role nowhere else. The login stays.
     */
    @Transactional
    void remove(long regionId, String userId, String roleText) {
        Region region = forPeople(regionId);
        RegionRole role = role(roleText);
        if (role == RegionRole.COUNTY_OFFICE && !regions.oversees(region.id())) {
            throw ApiException.forbidden("overseers-only");
        }
        int removed = jdbc.sql("delete from region_role where region_id = :r and user_id = :u and role = :role")
                .param("r", region.id()).param("u", userId).param("role", role.name()).update();
        if (removed == 0) {
            throw ApiException.notFound("unknown-region-role", userId, region.name());
        }
        List<Region> places = new ArrayList<>(List.of(region));
        if (role == RegionRole.COUNTY_OFFICE) {
            places.addAll(regions.townsUnder(region.id()));
        }
        for (Region place : places) {
            if (!stillWorksIn(userId, place)) {
                regions.removeMember(place, userId);
            }
        }
        if (role.group() != null && !holdsAnywhere(userId, role) && !campaignsName(userId, role, null)) {
            appRights.lookUp(() -> {
                if (identity.createUserQuery().userId(userId).memberOfGroup(role.group()).count() > 0) {
                    identity.deleteMembership(userId, role.group());
                }
                return null;
            });
        }
    }

    private boolean stillWorksIn(String userId, Region place) {
        if (jdbc.sql("select count(*) from region_role where region_id = :r and user_id = :u")
                .param("r", place.id()).param("u", userId).query(Long.class).single() > 0) {
            return true;
        }
        for (Region above : regions.withAncestors(place.id())) {
            if (holds(userId, above.id(), RegionRole.COUNTY_OFFICE)) {
                return true;
            }
        }
        return place.level() == Region.Level.TOWN && campaignsName(userId, null, place.id());
    }

    private boolean holds(String userId, long regionId, RegionRole role) {
        return jdbc.sql("select count(*) from region_role where region_id = :r and user_id = :u and role = :role")
                .param("r", regionId).param("u", userId).param("role", role.name()).query(Long.class).single() > 0;
    }

    private boolean holdsAnywhere(String userId, RegionRole role) {
        return jdbc.sql("select count(*) from region_role where user_id = :u and role = :role")
                .param("u", userId).param("role", role.name()).query(Long.class).single() > 0;
    }

    private boolean campaignsName(String userId, RegionRole role, Long townId) {
        return campaignPeople.stream().anyMatch(c -> c.names(userId, role, townId));
    }

    /**
     * A person's groups hold in every town they work in (the group says what, the tenant where). So a role is refused
     * (409) to a person who works in another town without it, and a new town to a person who holds other roles: either
     * would give them a role somewhere nobody gave it. They need a login of their own for it.
     */
    private void sameRolesEverywhere(Region region, String userId, RegionRole role) {
        Set<String> groups = appRights.lookUp(() -> identity.createGroupQuery().groupMember(userId).list()).stream()
                .map(Group::getId).filter(RegionRole.ROLE_GROUPS::contains).collect(Collectors.toSet());
        Set<Long> towns = new LinkedHashSet<>();
        for (Tenant t : appRights.lookUp(() -> identity.createTenantQuery().userMember(userId)
                .includingGroupsOfUser(true).list())) {
            regionOf(t.getId()).filter(r -> r.level() == Region.Level.TOWN).ifPresent(r -> towns.add(r.id()));
        }
        Set<Long> newTowns = new HashSet<>();
        if (role == RegionRole.COUNTY_OFFICE) {
            regions.townsUnder(region.id()).forEach(t -> newTowns.add(t.id()));
        } else {
            newTowns.add(region.id());
        }
        Set<Long> elsewhere = new LinkedHashSet<>(towns);
        elsewhere.removeAll(newTowns);
        boolean spreads = role.group() != null && !groups.contains(role.group()) && !elsewhere.isEmpty();
        Set<String> others = new HashSet<>(groups);
        others.remove(role.group());
        boolean brings = !towns.containsAll(newTowns) && !others.isEmpty();
        if (spreads || brings) {
            Set<Long> named = spreads ? elsewhere : towns;
            String where = named.stream().limit(5).map(id -> regions.find(id).map(Region::name).orElse(""))
                    .collect(Collectors.joining("、"));
            throw ApiException.conflict("roles-would-spread", "userId", userId, where);
        }
    }

    private java.util.Optional<Region> regionOf(String tenantId) {
        if (tenantId == null || !tenantId.matches("region-\\d{1,18}")) {
            return java.util.Optional.empty();
        }
        return regions.find(Long.parseLong(tenantId.substring("region-".length())));
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static String text(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ApiException.badRequest("required", field, field);
        }
        if (v.length() > max) {
            throw ApiException.badRequest("too-long", field, field, max);
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw ApiException.badRequest("invalid-value", field, field);
        }
        return v;
    }

    private static Region.Level level(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", "level", "level");
        }
        return java.util.Arrays.stream(Region.Level.values()).filter(l -> l.name().equalsIgnoreCase(value.trim()))
                .findFirst().orElseThrow(() -> ApiException.badRequest("invalid-choice", "level", "level", value,
                        "PROVINCE, CITY, COUNTY, TOWN"));
    }

    private static RegionRole role(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", "role", "role");
        }
        return RegionRole.parse(value).orElseThrow(() -> ApiException.badRequest("invalid-choice", "role", "role", value,
                RegionRole.choices()));
    }

    private static String login(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", "userId", "userId");
        }
        String v = value.strip();
        if (!LOGIN.matcher(v).matches()) {
            throw ApiException.badRequest("invalid-login", "userId");
        }
        return v;
    }

    private static String email(String value) {
        String v = text(value, "email", EMAIL_MAX);
        if (!EMAIL.matcher(v).matches()) {
            throw ApiException.badRequest("invalid-email", "email");
        }
        return v;
    }

    private void password(String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("required", "password", "password");
        }
        if (value.length() < PASSWORD_MIN) {
            throw ApiException.badRequest("password-too-short", "password", PASSWORD_MIN);
        }
        if (value.length() > PASSWORD_MAX) {
            throw ApiException.badRequest("too-long", "password", "password", PASSWORD_MAX);
        }
        if (engine.getProcessEngineConfiguration().isEnablePasswordPolicy()
                && !identity.checkPasswordAgainstPolicy(value).isValid()) {
            throw ApiException.badRequest("password-policy", "password");
        }
    }

    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    static String displayName(User u) {
        return cn.chuangwei.kernel.PersonNames.display(u.getFirstName(), u.getLastName(), u.getId());
    }
}
