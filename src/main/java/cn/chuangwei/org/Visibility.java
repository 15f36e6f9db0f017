package cn.chuangwei.org;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who may see which unit's rows, in one place: the office, the supervisors, the leading group and administrators see
 * every unit; anyone else the units whose group they are in (the unit's head and its staff). Every list, page, export
 * and mail that shows a unit's work asks here.
 */
@Component
public class Visibility {

    private final CurrentUser currentUser;

    Visibility(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The office, the supervisors, the leading group and administrators. */
    public boolean seesAllUnits() {
        return currentUser.isOffice() || currentUser.inGroup(Groups.SUPERVISORS) || currentUser.inGroup(Groups.LEADING_GROUP);
    }

    public boolean seesUnit(String unitCode) {
        return seesAllUnits() || (unitCode != null && currentUser.inGroup(Groups.unit(unitCode)));
    }

    /** Whether the caller is in the unit's own group: its head or staff, not a reader of every unit. */
    public boolean inUnit(String unitCode) {
        return unitCode != null && currentUser.inGroup(Groups.unit(unitCode));
    }

    /** 403 {@code not-your-unit} unless the caller may see the unit. */
    public void requireUnit(String unitCode) {
        if (!seesUnit(unitCode)) {
            throw ApiException.forbidden("not-your-unit");
        }
    }

    /** 403 {@code supervisors-only} unless the caller sees every unit (the audit, circulars, the dossier). */
    public void requireAllUnits() {
        if (!seesAllUnits()) {
            throw ApiException.forbidden("supervisors-only");
        }
    }

    /** Whether the caller may see the unit: for filtering a stream of a campaign's rows. */
    public Predicate<String> unitFilter() {
        if (seesAllUnits()) {
            return unit -> true;
        }
        List<String> groups = currentUser.groups();
        return unit -> unit != null && groups.contains(Groups.unit(unit));
    }

    /** The items whose unit the caller may see, in their order. */
    public <T> List<T> filter(Collection<T> items, Function<T, String> unitOf) {
        Predicate<String> sees = unitFilter();
        return items.stream().filter(i -> sees.test(unitOf.apply(i))).toList();
    }

    /** The codes of the units the caller is in by group (empty for a reader of every unit who is in none). */
    public List<String> ownUnits() {
        return currentUser.groups().stream().filter(g -> g.startsWith(Groups.UNIT_PREFIX))
                .map(g -> g.substring(Groups.UNIT_PREFIX.length())).toList();
    }
}
