package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.TemplateDates.Note;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Template deadlines on working days (issue 16, item 4). A campaign from the provincial template starting 2027-09-27
 * (the week before National Day) gets no deadline and no phase start or end on a day off: checked against the days the
 * calendar API lists, first with 2027 as shipped (provisional: the statutory days only), then with a whole 2027
 * arrangement the office enters through the API, as it does once the State Council's notice is out (the arrangement
 * here is an example in the usual shape, not the notice). The offset rule at its boundaries is checked on 2026, whose
 * published arrangement ships with the application.
 */
@H2Test
class TemplateWorkingDaysTest {

    static final String TEMPLATE = "sanitary-town-provincial";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TemplateDates dates;
    @Autowired
    CampaignTemplates templates;

    /** The days off of a year as the calendar API lists them: weekends and holidays, less the make-up working days. */
    record DaysOff(Set<LocalDate> holidays, Set<LocalDate> workdays) {

        static DaysOff of(JsonNode... years) {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> workdays = new HashSet<>();
            for (JsonNode year : years) {
                for (JsonNode d : year.get("days")) {
                    LocalDate day = LocalDate.parse(d.get("day").asText());
                    (d.get("kind").asText().equals("HOLIDAY") ? holidays : workdays).add(day);
                }
            }
            return new DaysOff(holidays, workdays);
        }

        boolean off(LocalDate d) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            return holidays.contains(d) || weekend && !workdays.contains(d);
        }
    }

    record Created(long id, Map<Phase, DateRange> phases, Map<Phase, List<LocalDate>> deadlines) {
    }

    Created createFromTemplate(Fixture f, LocalDate start) {
        CampaignRequest draft = new CampaignRequest(f.town + "创建省级卫生乡镇", f.town, null, null, TEMPLATE, null, start,
                null, f.group(), List.of(f.office), f.supervisors, f.units, List.of(), true);
        Reply created = new Api(port, f.office, Fixture.PASSWORD).post("/api/campaigns", draft);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Map<Phase, DateRange> phases = new LinkedHashMap<>();
        jdbc.sql("select phase, start_date, end_date from campaign_phase where campaign_id = :id order by seq")
                .param("id", id).query((rs, n) -> phases.put(Phase.valueOf(rs.getString(1)),
                        new DateRange(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()))).list();
        Map<Phase, List<LocalDate>> deadlines = new LinkedHashMap<>();
        jdbc.sql("select phase, deadline from task_row where campaign_id = :id order by seq")
                .param("id", id).query((rs, n) -> deadlines.computeIfAbsent(Phase.valueOf(rs.getString(1)),
                        k -> new ArrayList<>()).add(rs.getDate(2).toLocalDate())).list();
        return new Created(id, phases, deadlines);
    }

    /** No phase starts or ends on a day off, each phase follows the last on the next working day, no deadline is off. */
    static void assertOnWorkingDays(Created c, DaysOff calendar) {
        assertThat(c.phases()).hasSize(5);
        LocalDate previousEnd = null;
        for (Map.Entry<Phase, DateRange> e : c.phases().entrySet()) {
            DateRange r = e.getValue();
            assertThat(calendar.off(r.start())).as("%s starts on %s", e.getKey(), r.start()).isFalse();
            assertThat(calendar.off(r.end())).as("%s ends on %s", e.getKey(), r.end()).isFalse();
            if (previousEnd != null) {
                for (LocalDate d = previousEnd.plusDays(1); d.isBefore(r.start()); d = d.plusDays(1)) {
                    assertThat(calendar.off(d)).as("%s between phases is a day off", d).isTrue();
                }
            }
            previousEnd = r.end();
            List<LocalDate> due = c.deadlines().get(e.getKey());
            assertThat(due).as("tasks of %s", e.getKey()).isNotEmpty();
            for (LocalDate d : due) {
                assertThat(calendar.off(d)).as("a deadline of %s on %s", e.getKey(), d).isFalse();
                assertThat(d).isBetween(r.start(), r.end());
            }
        }
    }

    @Test
    void aCampaignStarting2027_09_27HasNoDeadlineAndNoPhaseStartOrEndOnADayOffAsShipped() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        assertThat(office.get("/api/calendar/2027").json().get("days").get(0).get("provisional").asBoolean()).isTrue();
        Created c = createFromTemplate(f, LocalDate.of(2027, 9, 27));
        DaysOff calendar = DaysOff.of(office.get("/api/calendar/2027").json(), office.get("/api/calendar/2028").json());
        assertOnWorkingDays(c, calendar);

        // six working days from Monday 27 September: the 27th to the 30th, then over 1–3 October to the 4th and 5th
        assertThat(c.phases().get(Phase.MOBILIZATION)).isEqualTo(new DateRange(LocalDate.of(2027, 9, 27),
                LocalDate.of(2027, 10, 5)));
        assertThat(c.phases().get(Phase.IMPLEMENTATION).start()).isEqualTo(LocalDate.of(2027, 10, 6));
        assertThat(c.deadlines().get(Phase.MOBILIZATION)).hasSizeGreaterThanOrEqualTo(18)
                .noneMatch(d -> d.getMonthValue() == 10 && d.getDayOfMonth() <= 3);
        // the campaign reaches into 2028, whose holidays are not entered: the preview says both things
        assertThat(dates.notes(c.phases())).containsExactly(new Note(Note.Kind.YEAR_PROVISIONAL, 2027, null, null),
                new Note(Note.Kind.YEAR_MISSING, 2028, null, null));
    }

    @Test
    void withTheWhole2027ArrangementEnteredTheHolidayWeekIsSkippedAndTheMakeUpSaturdayCounts() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        JsonNode shipped = office.get("/api/calendar/2027").json().get("days");
        List<Map<String, Object>> asShipped = new ArrayList<>();
        List<Map<String, Object>> arrangement = new ArrayList<>();
        for (JsonNode d : shipped) {
            asShipped.add(entry(d.get("name").asText(), d.get("kind").asText(), d.get("day").asText(), true));
            if (!d.get("name").asText().equals("国庆节")) {
                arrangement.add(entry(d.get("name").asText(), d.get("kind").asText(), d.get("day").asText(), false));
            }
        }
        // an example arrangement in the usual shape: 1–7 October off, Sunday 26 September and Saturday 9 October worked
        for (int day = 1; day <= 7; day++) {
            arrangement.add(entry("国庆节", "HOLIDAY", "2027-10-0" + day, false));
        }
        arrangement.add(entry("国庆节调休上班", "WORKDAY", "2027-09-26", false));
        arrangement.add(entry("国庆节调休上班", "WORKDAY", "2027-10-09", false));
        Reply entered = office.put("/api/calendar/2027", arrangement);
        assertThat(entered.status()).as(entered.raw()).isEqualTo(200);
        try {
            Created c = createFromTemplate(f, LocalDate.of(2027, 9, 27));
            DaysOff calendar = DaysOff.of(office.get("/api/calendar/2027").json(),
                    office.get("/api/calendar/2028").json());
            assertThat(calendar.off(LocalDate.of(2027, 10, 6))).isTrue();
            assertOnWorkingDays(c, calendar);
            // 27–30 September, then Friday 8 and the make-up Saturday 9 October
            assertThat(c.phases().get(Phase.MOBILIZATION).end()).isEqualTo(LocalDate.of(2027, 10, 9));
            assertThat(c.phases().get(Phase.IMPLEMENTATION).start()).isEqualTo(LocalDate.of(2027, 10, 11));
            assertThat(c.deadlines().get(Phase.MOBILIZATION)).contains(LocalDate.of(2027, 10, 9))
                    .allMatch(d -> d.isBefore(LocalDate.of(2027, 10, 1)) || d.isAfter(LocalDate.of(2027, 10, 7)));
            assertThat(dates.notes(c.phases())).containsExactly(new Note(Note.Kind.YEAR_MISSING, 2028, null, null));
        } finally {
            Reply restored = office.put("/api/calendar/2027", asShipped);
            assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        }
    }

    static Map<String, Object> entry(String name, String kind, String day, boolean provisional) {
        Map<String, Object> e = new HashMap<>();
        e.put("name", name);
        e.put("kind", kind);
        e.put("from", day);
        e.put("provisional", provisional);
        return e;
    }

    /** The offset rule on 2026's published arrangement (National Day 1–7 October, make-up days 20 September, 10 October). */
    @ParameterizedTest(name = "dueDay {2} of a phase {0}..{1} is {3}")
    @CsvSource({
            "2026-09-28, 2026-12-31, 1, 2026-09-28",  // the first working day of the phase
            "2026-09-28, 2026-12-31, 4, 2026-10-08",  // 28, 29, 30 September, then over the holiday week
            "2026-10-08, 2026-12-31, 3, 2026-10-10",  // 8, 9, then the make-up Saturday counts
            "2026-10-03, 2026-12-31, 1, 2026-10-08",  // a phase given to start on a holiday: its first working day
            "2026-09-18, 2026-12-31, 2, 2026-09-20",  // Friday, then the make-up Sunday
            "2026-10-08, 2026-10-11, 5, 2026-10-10",  // beyond a short phase: its last working day, not its Sunday end
            "2026-10-02, 2026-10-05, 2, 2026-10-05"}) // a phase with no working day at all: its end, as given
    void aTaskIsDueOnItsPhasesDueDayThWorkingDay(LocalDate start, LocalDate end, int dueDay, LocalDate expected) {
        assertThat(dates.deadline(new DateRange(start, end), dueDay)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a campaign starting {0} begins on {1}, its first phase ends on {2}")
    @CsvSource({
            "2026-09-26, 2026-09-28, 2026-10-10",  // a Saturday of 中秋节: the Monday after; over the week off to the make-up Saturday
            "2026-09-20, 2026-09-20, 2026-09-28",  // the make-up Sunday is the first working day; Friday 25th (中秋节) is not
            "2026-10-01, 2026-10-08, 2026-10-14"}) // National Day: the first working day after the holiday week
    void phasesStartAndEndOnWorkingDays(LocalDate start, LocalDate first, LocalDate end) {
        CampaignTemplate template = templates.find(TEMPLATE).orElseThrow();
        Map<Phase, DateRange> phases = dates.phases(template, start);
        assertThat(phases.get(Phase.MOBILIZATION)).isEqualTo(new DateRange(first, end));
        assertThat(template.phases().get(0).days()).isEqualTo(6);
    }

    @Test
    void phasesGivenOnDaysOffAreNoted() {
        Map<Phase, DateRange> given = new LinkedHashMap<>();
        given.put(Phase.MOBILIZATION, new DateRange(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 3)));
        given.put(Phase.IMPLEMENTATION, new DateRange(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 30)));
        assertThat(dates.notes(given)).containsExactly(
                new Note(Note.Kind.PHASE_ENDS_ON_DAY_OFF, 2026, Phase.MOBILIZATION, LocalDate.of(2026, 10, 3)));
    }
}
