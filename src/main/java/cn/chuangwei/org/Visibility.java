package cn.chuangwei.org;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who may see which unit's rows, in one place. A town's office, supervisors and leading group, the county's office
 * above it and administrators see every unit of the town; anyone else the units whose group they are in (the unit's
 * head and its staff; a unit's code is unique across towns). The town is its Camunda tenant: a person works in the
 * towns whose tenant they are a member of. Every list, page, export and mail that shows a unit's work asks here.
 */
@Component
public class Visibility {

    private final CurrentUser currentUser;

    Visibility(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * Whether the caller reads every unit's work of the town whose Camunda tenant this is: the town's office,
     * supervisors and leading group (each a member of the town's tenant), the county's office above it (group
     * {@code county-office}, a member of every town's tenant below) and administrators. Work without a town (null: from
     * before towns were tenants) is read by every office, supervisor and leading group member, as it was then.
     */
    public boolean seesAllUnits(String tenantId) {
        if (currentUser.isAdmin()) {
            return true;
        }
        return readsSomeTown() && inTown(tenantId);
    }

    /** Whether the caller reads every unit of some town: a town's office, supervisor or leading group member, a county's office. */
    public boolean readsSomeTown() {
        return currentUser.isAdmin() || currentUser.inGroup(Groups.OFFICE) || currentUser.inGroup(Groups.SUPERVISORS)
                || currentUser.inGroup(Groups.LEADING_GROUP) || currentUser.inGroup(Groups.COUNTY_OFFICE);
    }

    /** Whether the caller works in the town (a member of its tenant); work without a town is everybody's town. */
    public boolean inTown(String tenantId) {
        return tenantId == null || currentUser.isAdmin() || currentUser.tenants().contains(tenantId);
    }

    /** The town's office (创卫办): in the group {@code campaign-office} and in the town; or an administrator. */
    public boolean isOfficeOf(String tenantId) {
        return currentUser.isAdmin() || (currentUser.inGroup(Groups.OFFICE) && inTown(tenantId));
    }

    /** 403 {@code office-only} unless the caller is the town's office. */
    public void requireOfficeOf(String tenantId) {
        if (!isOfficeOf(tenantId)) {
            throw ApiException.forbidden("office-only");
        }
    }

    /** The town's supervisors or its office: who issues its circulars. */
    public boolean supervisesTown(String tenantId) {
        return isOfficeOf(tenantId) || (currentUser.inGroup(Groups.SUPERVISORS) && inTown(tenantId));
    }

    public boolean seesUnit(String tenantId, String unitCode) {
        return seesAllUnits(tenantId) || inUnit(unitCode);
    }

    /** Whether the caller is in the unit's own group: its head or staff, not a reader of every unit. */
    public boolean inUnit(String unitCode) {
        return unitCode != null && currentUser.inGroup(Groups.unit(unitCode));
    }

    /** 403 {@code not-your-unit} unless the caller may see the unit of the town. */
    public void requireUnit(String tenantId, String unitCode) {
        if (!seesUnit(tenantId, unitCode)) {
            throw ApiException.forbidden("not-your-unit");
        }
    }

    /** 403 {@code supervisors-only} unless the caller sees every unit of the town (the audit, circulars, the dossier). */
    public void requireAllUnits(String tenantId) {
        if (!seesAllUnits(tenantId)) {
            throw ApiException.forbidden("supervisors-only");
        }
    }

    /** Whether the caller may see the unit: for filtering a stream of one town's rows. */
    public Predicate<String> unitFilter(String tenantId) {
        if (seesAllUnits(tenantId)) {
            return unit -> true;
        }
        List<String> groups = currentUser.groups();
        return unit -> unit != null && groups.contains(Groups.unit(unit));
    }

    /** Whether the caller may see a unit of a town: for filtering rows of several towns (tenant, unit). */
    public BiPredicate<String, String> townUnitFilter() {
        List<String> groups = currentUser.groups();
        Map<String, Boolean> all = new HashMap<>();
        return (tenant, unit) -> all.computeIfAbsent(String.valueOf(tenant), t -> seesAllUnits(tenant))
                || (unit != null && groups.contains(Groups.unit(unit)));
    }

    /** The items of one town whose unit the caller may see, in their order. */
    public <T> List<T> filter(String tenantId, Collection<T> items, Function<T, String> unitOf) {
        Predicate<String> sees = unitFilter(tenantId);
        return items.stream().filter(i -> sees.test(unitOf.apply(i))).toList();
    }

    /** The codes of the units the caller is in by group (empty for a reader of every unit who is in none). */
    public List<String> ownUnits() {
        return currentUser.groups().stream().filter(g -> g.startsWith(Groups.UNIT_PREFIX))
                .map(g -> g.substring(Groups.UNIT_PREFIX.length())).toList();
    }
}
