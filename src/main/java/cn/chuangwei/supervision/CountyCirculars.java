package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.org.Visibility;
import cn.chuangwei.task.OverdueRule;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's (city's, province's) circulars (通报) to the towns below it: how each town stands in its campaigns (the
 * ranking of {@link TownStandings}) and the overdue tasks of the towns' units whose deadline falls in the period, by
 * town. Issued by an overseer of the region ({@link Regions#oversees}); numbered in the region's year sequence, rendered
 * as PDF through the town circular's template and kept as issued.
 *
 * <p>Who reads a circular, and which part: a region's overseers read the circulars of the region and of the regions
 * above it that name a town below it; a town's office, supervisors and leading group read those that name their town.
 * Each reads the part of the towns below the region asked for: the whole circular at the region that issued it, a
 * town's own standing and tasks at the town.
 */
@Service
public class CountyCirculars {

    /** What an overseer asks for: the period whose overdue tasks it names; title and body may be left to the defaults. */
    public record Request(LocalDate from, LocalDate to, String title, String body) {
    }

    /** A circular as the region asked for reads it: its towns and tasks are those of the towns below that region. */
    public record Summary(long id, long regionId, String region, String number, String title, String issuingOffice,
                          LocalDate periodFrom, LocalDate periodTo, String issuedBy, Instant issuedAt, int tasks,
                          List<String> towns) {
    }

    /** Message keys of the standing's columns and of the tasks' columns, in the order of their cells. */
    static final List<String> STANDING = List.of("rank", "town", "campaign", "current-phase", "tasks", "accepted",
            "completion-rate", "overdue");
    static final List<String> TASKS = List.of("seq", "town", "unit", "task", "phase", "deadline", "days-overdue");

    private record Stored(long id, long regionId, String number, String title, String body, String office,
                         LocalDate from, LocalDate to, String issuedBy, Instant issuedAt) {

        static final String COLUMNS = """
                select id, region_id, number, title, body, issuing_office, period_from, period_to, issued_by, issued_at
                from county_circular c""";

        static Stored of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new Stored(rs.getLong("id"), rs.getLong("region_id"), rs.getString("number"), rs.getString("title"),
                    rs.getString("body"), rs.getString("issuing_office"), rs.getDate("period_from").toLocalDate(),
                    rs.getDate("period_to").toLocalDate(), rs.getString("issued_by"),
                    rs.getTimestamp("issued_at").toInstant());
        }
    }

    /** An overdue task the circular names. */
    private record Item(long townId, String town, TaskRow row, String unit, int workingDaysOverdue) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Visibility visibility;
    private final TownStandings standings;
    private final CampaignRepository campaigns;
    private final TaskRowRepository rows;
    private final OverdueRule overdueRule;
    private final SupervisionService supervision;
    private final CircularPdf pdf;
    private final CurrentUser currentUser;
    private final DueDates dueDates;
    private final Texts texts;
    private final Clock clock;

    CountyCirculars(JdbcClient jdbc, Regions regions, Visibility visibility, TownStandings standings,
                    CampaignRepository campaigns, TaskRowRepository rows, OverdueRule overdueRule, SupervisionService supervision,
                    CircularPdf pdf, CurrentUser currentUser, DueDates dueDates, Texts texts, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.visibility = visibility;
        this.standings = standings;
        this.campaigns = campaigns;
        this.rows = rows;
        this.overdueRule = overdueRule;
        this.supervision = supervision;
        this.pdf = pdf;
        this.currentUser = currentUser;
        this.dueDates = dueDates;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional
    public Summary issue(long regionId, Request r) {
        Region region = region(regionId);
        if (!regions.oversees(regionId)) {
            throw ApiException.forbidden("overseers-only");
        }
        if (region.level() == Region.Level.TOWN) {
            throw ApiException.badRequest("county-circular-of-town", "regionId", region.name());
        }
        if (r == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        CircularLimits.check(r.from(), r.to(), r.title(), r.body());
        List<TownStandings.Town> towns = standings.under(regionId);
        List<Item> items = overdue(towns, r.from(), r.to());
        if (items.isEmpty()) {
            throw ApiException.badRequest("circular-nothing-overdue", "from", r.from(), r.to());
        }
        LocalDate today = dueDates.today();
        int seq = jdbc.sql("select count(*) from county_circular where region_id = :r and number like :y")
                .param("r", regionId).param("y", "%〔" + today.getYear() + "〕%").query(Integer.class).single() + 1;
        String number = texts.zh("county-circular.number", region.name(), today.getYear(), seq);
        String office = texts.zh("county-circular.office", region.name());
        String title = blank(r.title()) ? texts.zh("county-circular.title", region.name()) : r.title().trim();
        long named = items.stream().map(Item::townId).distinct().count();
        String body = blank(r.body()) ? texts.zh("county-circular.body", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth(), named, items.size(), office) : r.body().trim();

        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into county_circular (region_id, number, title, body, issuing_office, period_from, period_to,
                                             issued_by, issued_at, pdf)
                values (:r, :n, :t, :b, :o, :f, :to, :u, :at, :pdf)""")
                .param("r", regionId).param("n", number).param("t", title).param("b", body).param("o", office)
                .param("f", r.from()).param("to", r.to()).param("u", currentUser.id())
                .param("at", Timestamp.from(clock.instant())).param("pdf", new byte[0]).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < towns.size(); i++) {
            TownStandings.Town t = towns.get(i);
            String names = t.campaigns().stream().map(TownStandings.CampaignState::name).collect(Collectors.joining("、"));
            Phase current = t.campaigns().stream().map(TownStandings.CampaignState::currentPhase)
                    .filter(p -> p != null).findFirst().orElse(null);
            jdbc.sql("""
                    insert into county_circular_town (circular_id, seq, town_id, town_name, campaigns, current_phase, tasks,
                                                      accepted, started_tasks, started_accepted, overdue, rank_no)
                    values (:id, :s, :t, :n, :c, :p, :tasks, :a, :st, :sa, :o, :rank)""")
                    .param("id", id).param("s", i + 1).param("t", t.townId()).param("n", t.name())
                    .param("c", names.length() > 2000 ? names.substring(0, 2000) : names)
                    .param("p", current == null ? null : current.name()).param("tasks", t.tasks())
                    .param("a", t.accepted()).param("st", t.startedTasks()).param("sa", t.startedAccepted())
                    .param("o", t.overdue()).param("rank", t.rank()).update();
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            TaskRow row = item.row();
            jdbc.sql("""
                    insert into county_circular_item (circular_id, seq, town_id, town_name, task_row_id, unit_name, task_title,
                                                      phase, deadline, working_days_overdue)
                    values (:id, :s, :t, :tn, :r, :u, :title, :p, :d, :w)""")
                    .param("id", id).param("s", i + 1).param("t", item.townId()).param("tn", item.town())
                    .param("r", row.id()).param("u", item.unit()).param("title", row.title()).param("p", row.phase().name())
                    .param("d", row.deadline()).param("w", item.workingDaysOverdue()).update();
        }
        jdbc.sql("update county_circular set pdf = :pdf where id = :id").param("id", id)
                .param("pdf", render(stored(id), null)).update();
        return summary(region, stored(id));
    }

    /** The circulars that concern the region, as its reader may read them (see the class), in the order issued. */
    public List<Summary> list(long regionId) {
        Region region = readable(regionId);
        return concerning(region).stream().map(c -> summary(region, c)).toList();
    }

    /** A circular's PDF and its number (for the file's name). */
    public record Document(String number, byte[] pdf) {
    }

    /** The circular's PDF: as issued at the region that issued it, else the part of the towns below the region. */
    public Document pdf(long regionId, long id) {
        Region region = readable(regionId);
        Stored c = concerning(region).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown-circular", id));
        if (c.regionId() == regionId) {
            return new Document(c.number(), jdbc.sql("select pdf from county_circular where id = :id").param("id", id)
                    .query(byte[].class).single());
        }
        return new Document(c.number(), render(c, townIds(region)));
    }

    /**
     * The overdue tasks (by the {@link OverdueRule}) whose deadline is in the period, town by town in rank order, each
     * town's longest overdue first.
     */
    private List<Item> overdue(List<TownStandings.Town> towns, LocalDate from, LocalDate to) {
        List<Item> items = new ArrayList<>();
        for (TownStandings.Town t : towns) {
            List<Item> ofTown = new ArrayList<>();
            for (TownStandings.CampaignState s : t.campaigns()) {
                if (s.overdue() == 0) {
                    continue;
                }
                OverdueRule.Cutoff cutoff = overdueRule.now(s.campaignId());
                Map<String, String> units = campaigns.units(s.campaignId()).stream()
                        .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
                for (TaskRow row : rows.waitingRows(s.campaignId(), cutoff.underWay())) {
                    if (cutoff.overdue(row) && !row.deadline().isBefore(from) && !row.deadline().isAfter(to)) {
                        ofTown.add(new Item(t.townId(), t.name(), row, units.getOrDefault(row.unitCode(), ""),
                                workingDaysOverdue(row)));
                    }
                }
            }
            ofTown.sort(Comparator.comparingInt(Item::workingDaysOverdue).reversed()
                    .thenComparing(i -> i.row().deadline()).thenComparingLong(i -> i.row().id()));
            items.addAll(ofTown);
        }
        return items;
    }

    /** As the supervisors' audit counts them: working days since the deadline. */
    private int workingDaysOverdue(TaskRow row) {
        return supervision.measure(row).workingDaysOverdue();
    }

    /** The circular's PDF from what was stored: the towns in {@code part} only, or all when null. */
    private byte[] render(Stored c, Set<Long> part) {
        List<List<String>> standing = new ArrayList<>();
        jdbc.sql("select * from county_circular_town where circular_id = :id order by seq").param("id", c.id())
                .query(rs -> {
                    if (part == null || part.contains(rs.getLong("town_id"))) {
                        String phase = rs.getString("current_phase");
                        Integer rank = (Integer) rs.getObject("rank_no", Integer.class);
                        int started = rs.getInt("started_tasks");
                        standing.add(List.of(rank == null ? "—" : String.valueOf(rank), rs.getString("town_name"),
                                rs.getString("campaigns"), phase == null ? "—" : Phase.valueOf(phase).zh(),
                                String.valueOf(rs.getInt("tasks")), String.valueOf(rs.getInt("accepted")),
                                started == 0 ? "—" : percent(rs.getInt("started_accepted"), started),
                                String.valueOf(rs.getInt("overdue"))));
                    }
                });
        List<List<String>> tasks = new ArrayList<>();
        jdbc.sql("select * from county_circular_item where circular_id = :id order by seq").param("id", c.id())
                .query(rs -> {
                    if (part == null || part.contains(rs.getLong("town_id"))) {
                        tasks.add(List.of(String.valueOf(tasks.size() + 1), rs.getString("town_name"),
                                rs.getString("unit_name"), rs.getString("task_title"),
                                Phase.valueOf(rs.getString("phase")).zh(),
                                rs.getDate("deadline").toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE),
                                String.valueOf(rs.getInt("working_days_overdue"))));
                    }
                });
        Map<String, Object> parts = new HashMap<>();
        parts.put("standingCaption", texts.zh("county-circular.standing"));
        parts.put("standingHeaders", STANDING.stream().map(k -> texts.zh("county-circular.col." + k)).toList());
        parts.put("standingRows", standing);
        parts.put("headers", TASKS.stream().map(k -> texts.zh("county-circular.col." + k)).toList());
        parts.put("rows", tasks);
        parts.put("tableClass", "county");
        LocalDate issuedOn = LocalDate.ofInstant(c.issuedAt(), dueDates.zone());
        return pdf.pdf(new Circular(c.number(), c.title(), c.office(), issuedOn, c.from(), c.to(), c.body(), List.of()),
                parts);
    }

    /** "66.7%": accepted ÷ tasks, one decimal. */
    static String percent(int accepted, int tasks) {
        return BigDecimal.valueOf(accepted * 100L).divide(BigDecimal.valueOf(tasks), 1, RoundingMode.HALF_UP) + "%";
    }

    private Region region(long regionId) {
        return regions.find(regionId).orElseThrow(() -> ApiException.notFound("unknown-region", regionId));
    }

    /** The region, if the caller oversees it or reads every unit of it as a town; else 403 (404 for no such region). */
    private Region readable(long regionId) {
        Region region = region(regionId);
        if (regions.oversees(regionId)
                || (region.level() == Region.Level.TOWN && visibility.seesAllUnits(region.tenantId()))) {
            return region;
        }
        throw ApiException.forbidden("overseers-only");
    }

    private Set<Long> townIds(Region region) {
        return regions.townsUnder(region.id()).stream().map(Region::id).collect(Collectors.toSet());
    }

    /** The circulars of the region and of the regions above it that name a town below it. */
    private List<Stored> concerning(Region region) {
        List<Long> above = regions.withAncestors(region.id()).stream().map(Region::id).toList();
        Set<Long> towns = townIds(region);
        return jdbc.sql(Stored.COLUMNS + """
                 where c.region_id = :r or (c.region_id in (:above) and exists (
                    select 1 from county_circular_item i where i.circular_id = c.id and i.town_id in (:towns)))
                order by issued_at, id""")
                .param("r", region.id()).param("above", above).param("towns", towns.isEmpty() ? List.of(-1L) : towns)
                .query(Stored::of).list();
    }

    private Stored stored(long id) {
        return jdbc.sql(Stored.COLUMNS + " where c.id = :id").param("id", id).query(Stored::of).single();
    }

    /** The circular as the region reads it: the tasks and towns named of the towns below the region. */
    private Summary summary(Region region, Stored c) {
        Set<Long> towns = c.regionId() == region.id() ? null : townIds(region);
        List<String> named = new ArrayList<>();
        int[] tasks = {0};
        jdbc.sql("select town_id, town_name from county_circular_item where circular_id = :id order by seq")
                .param("id", c.id()).query(rs -> {
                    if (towns == null || towns.contains(rs.getLong("town_id"))) {
                        tasks[0]++;
                        named.add(rs.getString("town_name"));
                    }
                });
        String issuer = regions.find(c.regionId()).map(Region::name).orElse("");
        return new Summary(c.id(), c.regionId(), issuer, c.number(), c.title(), c.office(), c.from(), c.to(),
                c.issuedBy(), c.issuedAt(), tasks[0], List.copyOf(new LinkedHashSet<>(named)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
