package cn.chuangwei.dashboard;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.supervision.TownStandings;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The board of a county's (city's, province's) 爱卫办 across the towns below it: each town's campaigns with their phases
 * (towns × phases), task counts, the towns' ranking and the overdue tasks by town (see {@link TownStandings} for the
 * counts and the ranking). For an overseer of the region only ({@link Regions#oversees}); a town's own office is none.
 */
@Service
class CountyBoard {

    /** A town's overdue tasks (by the overdue rule), for the list of towns most behind first. */
    public record TownOverdue(long townId, String town, int overdue) {
    }

    /** {@code towns} in rank order; {@code overdueByTown}: the towns with overdue tasks, most first, then by rank. */
    public record Board(long regionId, String region, Region.Level level, LocalDate today,
                        List<TownStandings.Town> towns, List<TownOverdue> overdueByTown) {
    }

    private final Regions regions;
    private final TownStandings standings;
    private final DueDates dueDates;

    CountyBoard(Regions regions, TownStandings standings, DueDates dueDates) {
        this.regions = regions;
        this.standings = standings;
        this.dueDates = dueDates;
    }

    /** 404 {@code unknown-region} for no such region, 403 {@code overseers-only} unless the caller oversees it. */
    Board board(long regionId) {
        Region region = regions.find(regionId).orElseThrow(() -> ApiException.notFound("unknown-region", regionId));
        if (!regions.oversees(regionId)) {
            throw ApiException.forbidden("overseers-only");
        }
        List<TownStandings.Town> towns = standings.under(regionId);
        List<TownOverdue> overdue = towns.stream().filter(t -> t.overdue() > 0)
                .sorted(Comparator.comparingInt(TownStandings.Town::overdue).reversed())
                .map(t -> new TownOverdue(t.townId(), t.name(), t.overdue())).toList();
        return new Board(region.id(), region.name(), region.level(), dueDates.today(), towns, overdue);
    }
}
