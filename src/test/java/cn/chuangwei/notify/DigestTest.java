package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily digest: a day's reminders for a person become one message listing them all at the digest time (08:30
 * Beijing time), once a day; a 通报 does not wait; a line that comes after the day's digest waits for the next one; a
 * person who takes reminders at once gets each at once.
 */
@H2Test
class DigestTest {

    static final Pattern LINE = Pattern.compile("(?m)^\\d+\\. ");

    @Autowired
    Notifier notifier;
    @Autowired
    DigestSender digests;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    String person;

    @BeforeEach
    void setUp() {
        f = new Fixture(identity);
        person = f.head("cgzx");
        // the installation's default in the tests' profile is IMMEDIATE: this person chose the digest
        jdbc.sql("insert into person_reach (user_id, immediate) values (:u, false)").param("u", person).update();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    void at(int day, int hour, int minute) {
        clock.set(LocalDateTime.of(2027, 1, day, hour, minute));
    }

    void remind(String person, int i) {
        notifier.send(new Notifier.Notice("test:digest:" + f.p + ":" + i, NoticeKind.REMINDER, 0L, null, "REMINDER",
                locale -> values("整改任务" + i)), List.of(person));
    }

    static Map<String, String> values(String title) {
        return new HashMap<>(Map.of("taskTitle", title, "deadline", "2027-01-08", "unitName", "城管环卫中心",
                "levelName", "通报", "link", "https://chuangwei.example.org/work"));
    }

    List<Map<String, Object>> messages(String user) {
        return jdbc.sql("select event_key, channel, subject, body, notice_kind from mail_outbox where recipient_user = :u order by id")
                .param("u", user).query().listOfRows();
    }

    @Test
    void fortyRemindersInADayBecomeOneMessageOfFortyLines() {
        for (int i = 0; i < 40; i++) {
            at(5, 9 + i / 5, (i % 5) * 10);
            remind(person, i);
        }
        assertThat(messages(person)).as("nothing goes at once").isEmpty();

        // a 通报 the same day goes out at once, on all the person's channels (here: mail)
        at(5, 17, 5);
        notifier.send(new Notifier.Notice("test:digest:" + f.p + ":circular", NoticeKind.CIRCULAR, 0L, f.unit("cgzx"),
                "ESCALATION", locale -> values("整改任务0")), List.of(person));
        assertThat(messages(person)).extracting(m -> m.get("notice_kind")).containsExactly("CIRCULAR");

        at(5, 18, 0);
        assertThat(digests.sendDue()).as("today's lines came after today's digest time").isZero();
        at(6, 8, 29);
        assertThat(digests.sendDue()).as("not yet the digest time").isZero();
        at(6, 8, 30);
        assertThat(digests.sendDue()).isEqualTo(1);
        assertThat(digests.sendDue()).as("once a day").isZero();

        List<Map<String, Object>> all = messages(person);
        assertThat(all).hasSize(2);
        Map<String, Object> digest = all.get(1);
        assertThat(digest.get("event_key")).isEqualTo("digest:2027-01-06");
        assertThat(digest.get("notice_kind")).isEqualTo("DIGEST");
        assertThat(digest.get("channel")).isEqualTo("MAIL");
        assertThat((String) digest.get("subject")).contains("40");
        String body = (String) digest.get("body");
        assertThat(LINE.matcher(body).results().count()).isEqualTo(40);
        for (int i = 0; i < 40; i++) {
            assertThat(body).contains((i + 1) + ". 【到期提醒】整改任务" + i + "（");
        }
        assertThat(body).contains("https://chuangwei.example.org/work");
    }

    @Test
    void aLineAfterTheDaysDigestWaitsForTheNextDay() {
        at(7, 10, 0);
        remind(person, 1);
        at(8, 8, 30);
        assertThat(digests.sendDue()).isEqualTo(1);
        at(8, 8, 31);
        remind(person, 2);
        at(8, 20, 0);
        assertThat(digests.sendDue()).isZero();
        at(9, 8, 35);
        assertThat(digests.sendDue()).isEqualTo(1);
        List<Map<String, Object>> all = messages(person);
        assertThat(all).extracting(m -> m.get("event_key")).containsExactly("digest:2027-01-08", "digest:2027-01-09");
        assertThat(LINE.matcher((String) all.get(1).get("body")).results().count()).isEqualTo(1);
        assertThat((String) all.get(1).get("body")).contains("整改任务2").doesNotContain("整改任务1");
    }

    @Test
    void aPersonWhoTakesRemindersAtOnceGetsEachAtOnce() {
        jdbc.sql("update person_reach set immediate = true where user_id = :u").param("u", person).update();
        at(12, 10, 0);
        remind(person, 1);
        remind(person, 2);
        remind(person, 2);
        assertThat(messages(person)).extracting(m -> m.get("notice_kind")).containsExactly("REMINDER", "REMINDER");
        at(13, 8, 30);
        digests.sendDue();
        assertThat(messages(person)).hasSize(2);
    }
}
