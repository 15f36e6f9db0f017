package cn.chuangwei.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Working days across weekends, the statutory holidays and their make-up working days; the office keeps the data. */
@H2Test
class WorkCalendarTest {

    @LocalServerPort
    int port;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    DueDates dueDates;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-10-09, true",   // Friday
            "2026-10-11, false",  // Sunday
            "2026-10-10, true",   // Saturday, make-up working day of the National Day holiday
            "2026-10-05, false",  // Monday in the National Day holiday
            "2026-09-20, true",   // Sunday, make-up working day
            "2026-02-14, true",   // Saturday, Spring Festival make-up day
            "2026-02-16, false",  // Monday, Spring Festival
            "2026-01-04, true",   // Sunday, New Year make-up day
            "2027-10-01, false",  // provisional 2027 National Day
            "2027-10-04, true"})  // a Monday with no 2027 arrangement entered yet
    void workingDays(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            "2026-09-30, 1, 2026-10-08",  // across the National Day holiday
            "2026-09-30, 3, 2026-10-10",  // onto the Saturday make-up day
            "2026-10-09, 1, 2026-10-10",
            "2026-10-10, 1, 2026-10-12",  // over Sunday
            "2026-09-18, 1, 2026-09-20",  // Friday to the Sunday make-up day
            "2026-10-03, 0, 2026-10-08",  // a holiday itself moves to the next working day
            "2026-10-08, -1, 2026-09-30",
            "2026-02-13, 2, 2026-02-24"}) // over the Spring Festival: 14th (make-up) then 24th
    void addsWorkingDays(LocalDate from, int n, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, n)).isEqualTo(expected);
    }

    @Test
    void countsWorkingDaysBetweenAndComputesDueDatesAtTheDueHour() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 9, 30))).isEqualTo(-4);
        clock.set(LocalDateTime.of(2026, 9, 30, 10, 0));
        ZonedDateTime due = dueDates.dueInWorkingDays(2).toInstant().atZone(TestClock.ZONE);
        assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 10, 9, 18, 0));
    }

    @Test
    void theOfficeReplacesAYearAndBadDataIsRefusedWithNothingWritten() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Reply read = office.get("/api/calendar/2026");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("days").size()).isEqualTo(39);

        int before = jdbc.sql("select count(*) from work_calendar_day").query(Integer.class).single();
        Reply overlap = office.put("/api/calendar/2030", List.of(
                Map.of("name", "国庆节", "kind", "HOLIDAY", "from", "2030-10-01", "to", "2030-10-07"),
                Map.of("name", "中秋节", "kind", "HOLIDAY", "from", "2030-10-06", "to", "2030-10-08")));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.json().get("code").asText()).isEqualTo("calendar-overlap");
        assertThat(overlap.json().get("field").asText()).isEqualTo("[1]");
        assertThat(overlap.json().get("message").asText()).contains("2030-10-06");
        Reply malformed = office.put("/api/calendar/2030", "[{\"name\":\"元旦\",\"kind\":\"HOLIDAY\",\"from\":\"2030-13-01\"}]");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("[0].from");
        Reply weekday = office.put("/api/calendar/2030", List.of(
                Map.of("name", "调休", "kind", "WORKDAY", "from", "2030-10-09")));
        assertThat(weekday.json().get("code").asText()).isEqualTo("workday-not-weekend");
        Reply otherYear = office.put("/api/calendar/2030", List.of(
                Map.of("name", "元旦", "kind", "HOLIDAY", "from", "2031-01-01")));
        assertThat(otherYear.json().get("code").asText()).isEqualTo("calendar-outside-year");
        Reply reversed = office.put("/api/calendar/2030", List.of(
                Map.of("name", "元旦", "kind", "HOLIDAY", "from", "2030-01-03", "to", "2030-01-01")));
        assertThat(reversed.json().get("code").asText()).isEqualTo("end-before-start");
        Reply byHead = new Api(port, f.head("dzb"), Fixture.PASSWORD).put("/api/calendar/2030", List.of());
        assertThat(byHead.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from work_calendar_day").query(Integer.class).single()).isEqualTo(before);

        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).isTrue();
        Reply ok = office.put("/api/calendar/2030", List.of(
                Map.of("name", "国庆节", "kind", "HOLIDAY", "from", "2030-10-01", "to", "2030-10-07"),
                Map.of("name", "国庆节调休上班", "kind", "WORKDAY", "from", "2030-09-29")));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 9, 29))).isTrue();
        JsonNode days = office.get("/api/calendar/2030").json().get("days");
        assertThat(days.size()).isEqualTo(8);
    }
}
