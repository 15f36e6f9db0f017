package cn.chuangwei.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * SMS through the outbox against a local Dysmsapi: an outage (the server stopped, then answering 503) keeps the message
 * waiting with a growing delay, and once the server is up it goes exactly once; two nodes sending at the same moment send
 * it once; a node that stops after Aliyun took the message and before recording it leaves it UNCONFIRMED, not sent
 * again. The shared H2 context, whose own SMS sender has no provider; the nodes here are outbox senders built on its beans
 * with an SMS sender pointed at the local server.
 */
@H2Test
class SmsOutboxTest {

    private static final String OK = "{\"Message\":\"OK\",\"RequestId\":\"R-1\",\"Code\":\"OK\",\"BizId\":\"1^0\"}";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    MailSettings mailSettings;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identity;
    @Autowired
    TestClock clock;

    int port;
    String phone;
    WireMockServer aliyun;
    Fixture f;
    LocalDateTime now = LocalDateTime.of(2027, 3, 9, 10, 0);

    @BeforeEach
    void setUp() throws IOException {
        clock.set(now);
        f = new Fixture(identity);
        // a number of this test's own: rows other tests left in the shared outbox may go to the same server
        phone = "139" + String.format("%08d", Math.floorMod(f.p.hashCode(), 100_000_000));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void tearDown() {
        if (aliyun != null) {
            aliyun.stop();
        }
        clock.reset();
    }

    @Test
    void anOutageKeepsTheSmsWaitingAndOnceUpItGoesExactlyOnce() {
        OutboxSender node = node();
        String key = put();

        // Aliyun not reachable: the message waits a minute
        node.sendDue();
        assertThat(row(key).status()).isEqualTo("PENDING");
        assertThat(row(key).attempts()).isEqualTo(1);
        assertThat(row(key).next()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(row(key).error()).contains("阿里云短信").contains("connection refused");
        node.sendDue();
        assertThat(row(key).attempts()).as("not tried again before its time").isEqualTo(1);

        // Aliyun answers 503 ServiceUnavailable: two minutes this time
        up(aResponse().withStatus(503).withBody("{\"Code\":\"ServiceUnavailable\",\"Message\":\"The request has "
                + "failed due to a temporary failure of the server.\",\"RequestId\":\"R-503\"}"));
        later(61);
        node.sendDue();
        assertThat(row(key).status()).isEqualTo("PENDING");
        assertThat(row(key).attempts()).isEqualTo(2);
        assertThat(row(key).next()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(row(key).error()).contains("ServiceUnavailable");
        assertThat(requests()).isEqualTo(1);

        // Aliyun is back: sent once, and not again however often the outbox is looked into
        aliyun.resetAll();
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(OK)));
        later(121);
        node.sendDue();
        assertThat(row(key).status()).isEqualTo("SENT");
        later(3600);
        node.sendDue();
        node().sendDue();
        assertThat(row(key).status()).isEqualTo("SENT");
        assertThat(row(key).attempts()).isEqualTo(3);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void twoNodesSendingAtOnceSendItOnce() throws Exception {
        up(aResponse().withStatus(200).withBody(OK).withFixedDelay(200));
        String key = put();
        OutboxSender a = node();
        OutboxSender b = node();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sendA = () -> {
                start.await();
                return a.sendDue();
            };
            Callable<Integer> sendB = () -> {
                start.await();
                return b.sendDue();
            };
            Future<Integer> fa = pool.submit(sendA);
            Future<Integer> fb = pool.submit(sendB);
            start.countDown();
            fa.get();
            fb.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(row(key).status()).isEqualTo("SENT");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aNodeThatStopsAfterAliyunTookTheSmsLeavesItUnconfirmedNotSentTwice() throws Exception {
        up(aResponse().withStatus(200).withBody(OK));
        String key = put();
        OutboxSender dying = node();
        OutboxSender.Mail claimed = dying.due(1000).stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
        assertThat(dying.claim(claimed.id())).isTrue();
        sms().send(claimed.message()); // Aliyun took it; the node stops before recording it
        assertThat(row(key).status()).isEqualTo("SENDING");

        OutboxSender survivor = node();
        survivor.sendDue();
        assertThat(row(key).status()).as("its lease is still running").isEqualTo("SENDING");
        later(mailSettings.leaseSeconds().intValue() + 1);
        survivor.sendDue();
        survivor.sendDue();
        assertThat(row(key).status()).isEqualTo("UNCONFIRMED");
        assertThat(requests()).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** One node's outbox sender, its SMS going to the local Dysmsapi. */
    OutboxSender node() {
        return OutboxNodes.node(context, sms());
    }

    SmsSender sms() {
        SmsSettings settings = new SmsSettings("aliyun", Duration.ofSeconds(2), Duration.ofSeconds(5),
                new SmsSettings.Aliyun("http://127.0.0.1:" + port, "LTAI-outbox", "outbox-secret", "青山镇创卫办",
                        "cn-hangzhou", 35),
                Map.of("REMINDER", new SmsSettings.Template("SMS_000000002",
                        Map.of("name", "recipientName", "task", "taskTitle", "deadline", "deadline"))));
        return new SmsSender(List.of(new AliyunSms(settings, RestClient.builder(), clock)), settings);
    }

    /** Puts a reminder by SMS for the fixture's head of unit in the outbox; its key. */
    String put() {
        String event = "test:sms:" + f.p;
        String user = f.head("wsy");
        assertThat(outbox.put(new MailOutbox.Row(event + ":" + user + ":SMS", event, Channel.SMS, user, phone,
                "zh-CN", new MailTemplates.Rendered("【到期提醒】清理卫生死角", "您的待办事项“清理卫生死角”将于3月12日到期"),
                "REMINDER", Map.of("recipientName", "王主任", "taskTitle", "清理卫生死角", "deadline", "3月12日"),
                NoticeKind.REMINDER, null, null, null, null))).isTrue();
        return event + ":" + user + ":SMS";
    }

    void up(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        aliyun = new WireMockServer(options().port(port));
        aliyun.start();
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(answer));
    }

    /** Requests for this test's message that reached the server. */
    int requests() {
        return (int) aliyun.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .filter(r -> r.getBodyAsString().contains("PhoneNumbers=" + phone)).count();
    }

    void later(int seconds) {
        now = now.plusSeconds(seconds);
        clock.set(now);
    }

    record Row(String status, int attempts, Instant next, String error) {
    }

    Row row(String key) {
        return jdbc.sql("select status, attempts, next_attempt_at, last_error from mail_outbox where idempotency_key = :k")
                .param("k", key).query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4))).single();
    }
}
