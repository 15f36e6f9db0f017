package cn.chuangwei.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar page: the office turns a weekday into a holiday and back, a Saturday into a make-up working day; a
 * change without its note is refused by name; anyone else may look and may not change. (A year no other test uses.)
 */
@H2Test
class CalendarPageTest {

    static final String PAGE = "/board/calendar/2031";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    WorkCalendar calendar;

    @Test
    void theOfficeChangesOneDay() {
        Fixture f = new Fixture(identity);
        WebSession office = new WebSession(port);
        office.login(f.office, Fixture.PASSWORD);
        LocalDate tuesday = LocalDate.of(2031, 5, 6);
        LocalDate saturday = LocalDate.of(2031, 5, 10);
        String day = PAGE + "?day=" + tuesday;
        WebSession.Page page = office.get(day);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("2031年5月6日 星期二").contains("当前：工作日").contains("设为休息日")
                .contains("2031年的节假日尚未录入，暂按周一至周五计算工作日");
        // each year says how far its holidays can be trusted: 2026 as published, 2027 provisional
        assertThat(office.get("/board/calendar/2026").body()).doesNotContain("id=\"year-status\"");
        assertThat(office.get("/board/calendar/2027").body()).contains("id=\"year-status\"")
                .contains("2027年的节假日安排为暂定");

        // no note: refused, named, nothing changed
        WebSession.Page refused = office.post(day, PAGE, Map.of("day", tuesday.toString(), "kind", "holiday", "note", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("必填项“说明”不能为空");
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();

        assertThat(office.post(day, PAGE, Map.of("day", tuesday.toString(), "kind", "holiday", "note", "测试假日"))
                .status()).isEqualTo(302);
        assertThat(calendar.isWorkingDay(tuesday)).isFalse();
        assertThat(office.get(day).body()).contains("当前：休息日（测试假日）").contains("2031年5月6日").contains("法定节假日")
                .doesNotContain("id=\"year-status\"");
        assertThat(office.post(PAGE + "?day=" + saturday, PAGE, Map.of("day", saturday.toString(), "kind", "workday",
                "note", "调休上班")).status()).isEqualTo(302);
        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        // the same again is refused: it is a working day already
        assertThat(office.post(PAGE + "?day=" + saturday, PAGE, Map.of("day", saturday.toString(), "kind", "workday",
                "note", "调休上班")).status()).isEqualTo(400);

        // a unit head reads the calendar, changes nothing
        WebSession head = new WebSession(port);
        head.login(f.head("dzb"), Fixture.PASSWORD);
        assertThat(head.get(day).status()).isEqualTo(200);
        assertThat(head.get(day).body()).doesNotContain("id=\"day-form\"");
        assertThat(head.post(day, PAGE, Map.of("day", tuesday.toString(), "kind", "workday")).status()).isEqualTo(403);
        assertThat(calendar.isWorkingDay(tuesday)).isFalse();

        // back as they were
        assertThat(office.post(day, PAGE, Map.of("day", tuesday.toString(), "kind", "workday")).status()).isEqualTo(302);
        assertThat(office.post(day, PAGE, Map.of("day", saturday.toString(), "kind", "holiday")).status()).isEqualTo(302);
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(calendar.specialDays(2031)).isEmpty();
    }
}
