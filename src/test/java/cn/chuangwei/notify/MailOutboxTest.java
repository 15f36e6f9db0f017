package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox against a real SMTP server (GreenMail): Chinese mails, an outage, a sender that stops mid-way, a bad address. */
@H2Test
class MailOutboxTest {

    static final ServerSetup SMTP = new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    @Autowired
    OutboxSender sender;
    @Autowired
    Notifier notifier;
    @Autowired
    NoticeRoutes routes;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    GreenMail smtp;
    Fixture f;
    LocalDateTime now = LocalDateTime.of(2027, 1, 5, 10, 0);

    @BeforeEach
    void setUp() {
        clock.set(now);
        f = new Fixture(identity);
        smtp = new GreenMail(SMTP);
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        clock.reset();
    }

    void later(int seconds) {
        now = now.plusSeconds(seconds);
        clock.set(now);
    }

    /** A reminder to one person as the notifier writes it (the tests' profile: at once, by mail); whether it was put. */
    boolean enqueue(String event, String user, Map<String, String> values) {
        return notifier.toPerson(event, NoticeKind.REMINDER, routes.of(NoticeKind.REMINDER), null, null, user, "REMINDER",
                locale -> values);
    }

    Map<String, String> values(String title) {
        return Map.of("taskTitle", title, "deadline", "2027-01-08", "link", "http://localhost:8080/camunda/app/tasklist/",
                "campaignName", "测试镇创建省级卫生乡镇", "phaseName", "宣传发动");
    }

    List<MimeMessage> to(String userId) {
        String address = userId + "@test.example";
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    String status(String key) {
        return jdbc.sql("select status from mail_outbox where idempotency_key = :k").param("k", key)
                .query(String.class).single();
    }

    @Test
    void chineseMailsArriveOnceEvenAfterAnSmtpOutageAndABadAddressBlocksNoOne() throws Exception {
        User bad = identity.createUserQuery().userId(f.outsider).singleResult();
        bad.setEmail("not an address@@");
        identity.saveUser(bad);
        String head = f.head("wsy");
        List.of(head, f.office, f.outsider).forEach(u -> enqueue("test:outage:" + f.p, u, values("召开动员大会")));
        assertThat(enqueue("test:outage:" + f.p, head, values("召开动员大会")))
                .as("the same event and recipient make one mail").isFalse();

        // SMTP is down: nothing is lost, the mails wait with a growing delay
        sender.sendDue();
        assertThat(status("test:outage:" + f.p + ":" + head)).isEqualTo("PENDING");
        assertThat(status("test:outage:" + f.p + ":" + f.outsider)).isEqualTo("FAILED");
        later(30);
        sender.sendDue();
        later(120);
        sender.sendDue();
        assertThat(jdbc.sql("select attempts from mail_outbox where idempotency_key = :k")
                .param("k", "test:outage:" + f.p + ":" + head).query(Integer.class).single()).isEqualTo(2);

        // SMTP is back: each mail arrives once
        smtp.start();
        later(600);
        sender.sendDue();
        sender.sendDue();
        assertThat(to(head)).hasSize(1);
        assertThat(to(f.office)).hasSize(1);
        MimeMessage mail = to(head).get(0);
        assertThat(mail.getSubject()).isEqualTo("【到期提醒】召开动员大会（2027-01-08到期）");
        assertThat(mail.getContent().toString()).contains("您的待办事项“召开动员大会”将于2027-01-08到期");
        assertThat(mail.getHeader("Message-ID")[0]).endsWith("@chuangwei>");
        assertThat(status("test:outage:" + f.p + ":" + head)).isEqualTo("SENT");
        assertThat(status("test:outage:" + f.p + ":" + f.outsider)).isEqualTo("FAILED");
    }

    @Test
    void aSenderThatStopsBetweenSmtpAndTheRecordNeverSendsTwice() throws Exception {
        smtp.start();
        String head = f.head("dzb");
        enqueue("test:crash:" + f.p, head, values("清理卫生死角"));
        OutboxSender.Mail mail = sender.due(10_000).stream()
                .filter(m -> m.key().equals("test:crash:" + f.p + ":" + head)).findFirst().orElseThrow();
        double won = claims("won");
        double lost = claims("lost");
        assertThat(sender.claim(mail.id())).isTrue();
        assertThat(sender.claim(mail.id())).as("a second sender cannot take it").isFalse();
        assertThat(claims("won") - won).isEqualTo(1);
        assertThat(claims("lost") - lost).as("the claim that updated no row is counted lost").isEqualTo(1);
        sender.deliver(mail);  // handed to SMTP; the sender stops before it records SENT
        assertThat(to(head)).hasSize(1);

        later(60);
        sender.sendDue();   // the lease still holds: nobody touches it
        assertThat(status("test:crash:" + f.p + ":" + head)).isEqualTo("SENDING");
        later(600);
        sender.sendDue();   // the lease ran out: it may have gone, so it is not sent again
        sender.sendDue();
        assertThat(status("test:crash:" + f.p + ":" + head)).isEqualTo("UNCONFIRMED");
        assertThat(to(head)).hasSize(1);
    }

    @Test
    void englishWhenTheRecipientPrefersIt() throws Exception {
        smtp.start();
        identity.setUserInfo(f.leader, Recipients.LOCALE_INFO, "en");
        enqueue("test:en:" + f.p, f.leader, values("Gate"));
        sender.sendDue();
        assertThat(to(f.leader)).hasSize(1);
        assertThat(to(f.leader).get(0).getSubject()).isEqualTo("[Reminder] Gate is due on 2027-01-08");
    }

    @Test
    void twoClaimsOfTheNextMessageNeverTakeTheSameOne() {
        String head = f.head("cgzx");
        enqueue("test:next:" + f.p, head, values("整治背街小巷"));
        enqueue("test:next:" + f.p, f.office, values("整治背街小巷"));
        List<Long> ours = sender.due(10_000).stream().filter(m -> m.key().startsWith("test:next:" + f.p))
                .map(OutboxSender.Mail::id).toList();
        assertThat(ours).hasSize(2);
        double won = claims("won");
        double lost = claims("lost");
        OutboxSender.Mail a = sender.claimNext(ours).orElseThrow();
        OutboxSender.Mail b = sender.claimNext(ours).orElseThrow();
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(sender.claimNext(ours)).as("both taken: the claim is lost").isEmpty();
        assertThat(claims("won") - won).isEqualTo(2);
        assertThat(claims("lost") - lost).isEqualTo(1);
        for (OutboxSender.Mail m : List.of(a, b)) {
            assertThat(status(m.key())).isEqualTo("SENDING");
            assertThat(m.attempts()).as("the attempts made before this claim").isEqualTo(jdbc.sql("select attempts from mail_outbox where id = :i").param("i", m.id()).query(Integer.class).single() - 1);
        }
        // the claimed mails go back as a sender that fails would leave them, so that the others' tests see no change
        jdbc.sql("update mail_outbox set status = 'PENDING', lease_until = null, attempts = attempts - 1 where id in (:ids)")
                .param("ids", List.of(a.id(), b.id())).update();
    }

    double claims(String outcome) {
        return meters.get("chuangwei.outbox.claims").tag("outcome", outcome).counter().count();
    }
}
