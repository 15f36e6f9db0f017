package cn.chuangwei.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.notify.NoticeKind;
import cn.chuangwei.notify.Notifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeCom application messages and SMS (Aliyun) from two nodes on one PostgreSQL, as {@link ClusterIT} shows for mail:
 * node A in this JVM, node B in a JVM of its own, both sending the one outbox to a local server (WireMock) that speaks
 * WeCom (gettoken, message/send) and Aliyun's SendSms, each answer taking 20–50 ms. An outage of both providers (503)
 * while both nodes try loses and doubles nothing once they are back; node B killed (kill -9) halfway leaves at most the
 * one message it had in hand UNCONFIRMED, never sent again. Each message is told apart in what the server received by
 * the task title it carries (〔run-n〕), in WeCom's text and in the SMS's TemplateParam.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelsClusterIT {

    /** Messages per run, every other one by WeCom, the others by SMS. */
    static final int MESSAGES = 300;
    static final int PEOPLE_PER_CHANNEL = 10;
    static final String ADMIN_PASSWORD = "channels-admin-4c1e";
    static final String CORP_SECRET = "wecom-cluster-secret";
    static final String ACCESS_KEY_ID = "LTAI-cluster";
    static final Pattern MARK = Pattern.compile("〔(\\d+-\\d+)〕");
    static final ObjectMapper JSON = new ObjectMapper();

    static EmbeddedPostgres postgres;
    static WireMockServer provider;
    static ConfigurableApplicationContext nodeA;
    static Process nodeB;
    static int runs;

    @BeforeAll
    static void infrastructureAndNodes() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        answer(false);
        // node A first: on an empty database two nodes starting together would both create the schema; the
        // messages come once both are up
        nodeA = new SpringApplicationBuilder(ChuangweiApplication.class)
                .run(nodeArguments("channelsA").toArray(String[]::new));
        nodeB = ChildJvm.start("channelsB", nodeArguments("channelsB"));
        ChildJvm.awaitStarted("channelsB", Duration.ofMinutes(4));
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        for (int p = 0; p < PEOPLE_PER_CHANNEL; p++) {
            reachable(jdbc, wecomUser(p), "WECOM", wecomUser(p));
            reachable(jdbc, smsUser(p), "SMS", String.format("1390000%04d", p));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (nodeB != null && nodeB.isAlive()) {
            nodeB.destroyForcibly();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        provider.stop();
        postgres.close();
    }

    @BeforeEach
    void forgetRequests() {
        provider.resetRequests();
    }

    @Test
    @Order(1)
    void anOutageOfBothProvidersLosesAndDoublesNothingOnTwoNodes() throws IOException {
        answer(false);
        Run run = seed();
        // both nodes try every message while the providers answer 503; each waits for its next attempt
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> count(run,
                "status = 'PENDING' and attempts >= 1 and last_error is not null") == MESSAGES);
        assertThat(count(run, "status <> 'PENDING'")).as("none sent, parked or in hand during the outage").isZero();
        assertThat(Files.readString(Path.of("target", "cluster-channelsB.log")))
                .as("node B tried during the outage").contains("not sent (attempt 1)");

        // the providers are back; the back-off's first minute is skipped (the outbox waits a minute after a first
        // failure, SmsOutboxTest and WeComTest show that with a test clock)
        answer(true);
        nodeA.getBean(JdbcClient.class).sql("""
                update mail_outbox set next_attempt_at = :now where id > :from and status = 'PENDING'""")
                .param("now", Timestamp.from(Instant.now())).param("from", run.outboxFrom()).update();
        awaitDone(run);

        Map<String, Long> byStatus = byStatus(run);
        assertThat(byStatus).as("every message sent").containsExactly(Map.entry("SENT", (long) MESSAGES));
        Received received = received(run);
        assertThat(received.twice()).as("received twice").isEmpty();
        assertThat(received.marks()).as("every message received once").hasSize(MESSAGES);
        assertThat(received.wecom()).isEqualTo(MESSAGES / 2);
        assertThat(received.sms()).isEqualTo(MESSAGES / 2);
        // each node fetches its own WeCom access token: two tokens in the sends are two nodes sending
        System.out.println("ChannelsClusterIT: WeCom messages by access token " + received.byToken());
        assertThat(received.byToken()).as("both nodes sent WeCom messages").hasSize(2);
        long smsByB = smsAcceptedByNodeB();
        System.out.println("ChannelsClusterIT: SMS sent by node B " + smsByB + " of " + received.sms());
        assertThat(smsByB).as("both nodes sent SMS").isBetween(1L, (long) received.sms() - 1);
    }

    @Test
    @Order(2)
    void whenANodeIsKilledHalfwayEachMessageGoesAtMostOnce() {
        answer(true);
        Run run = seed();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> count(run, "status = 'SENT'") >= MESSAGES / 2);
        nodeB.destroyForcibly();
        System.out.println("ChannelsClusterIT: node B killed with " + count(run, "status = 'SENT'") + " of "
                + MESSAGES + " messages sent, " + count(run, "status = 'SENDING'") + " in hand");
        // node A sends the rest, and once node B's lease runs out marks what B had in hand UNCONFIRMED
        awaitDone(run);

        Map<String, Long> byStatus = byStatus(run);
        System.out.println("ChannelsClusterIT: after the kill " + byStatus);
        assertThat(byStatus.keySet()).isSubsetOf(Set.of("SENT", "UNCONFIRMED"));
        long sent = byStatus.getOrDefault("SENT", 0L);
        long unconfirmed = byStatus.getOrDefault("UNCONFIRMED", 0L);
        // a node claims one message just before handing it to the provider: it dies with at most that one in hand
        assertThat(unconfirmed).isLessThanOrEqualTo(1);
        Received received = received(run);
        List<String> unconfirmedMarks = nodeA.getBean(JdbcClient.class).sql("""
                select subject from mail_outbox where id > :from and status = 'UNCONFIRMED'""")
                .param("from", run.outboxFrom()).query(String.class).list().stream().map(ChannelsClusterIT::mark)
                .toList();
        assertThat(received.twice()).as("received twice").isEmpty();
        assertThat((long) received.marks().size()).isBetween(sent, sent + unconfirmed);
        List<String> sentMarks = nodeA.getBean(JdbcClient.class).sql("""
                select subject from mail_outbox where id > :from and status = 'SENT'""")
                .param("from", run.outboxFrom()).query(String.class).list().stream().map(ChannelsClusterIT::mark)
                .toList();
        assertThat(received.marks()).as("every SENT message received").containsAll(sentMarks);
        assertThat(received.marks()).as("nothing received that was neither SENT nor UNCONFIRMED")
                .isSubsetOf(concat(sentMarks, unconfirmedMarks));
    }

    // ---- the nodes ----------------------------------------------------------------------------------------------

    /** A node's settings: both channels pointed at the local server, a short poll and lease; no jobs (none are due). */
    private static List<String> nodeArguments(String name) {
        String base = provider.baseUrl();
        return List.of("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.process-engine-name=" + name, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.enabled=false",
                "--chuangwei.demo.enabled=false", "--chuangwei.base-url=https://chuangwei.example.org",
                "--chuangwei.mail.sender.enabled=true",
                // a node that dies leaves what it had in hand UNCONFIRMED after 10 s (production: 5 minutes)
                "--chuangwei.mail.poll-millis=300", "--chuangwei.mail.lease-seconds=10",
                "--chuangwei.notify.reminders=IMMEDIATE",
                "--chuangwei.wecom.base-url=" + base, "--chuangwei.wecom.corp-id=ww-cluster",
                "--chuangwei.wecom.corp-secret=" + CORP_SECRET, "--chuangwei.wecom.agent-id=1000002",
                "--chuangwei.sms.provider=aliyun", "--chuangwei.sms.aliyun.endpoint=" + base,
                "--chuangwei.sms.aliyun.access-key-id=" + ACCESS_KEY_ID,
                "--chuangwei.sms.aliyun.access-key-secret=aliyun-cluster-secret",
                "--chuangwei.sms.aliyun.sign-name=ChuangweiTest",
                "--logging.level.root=WARN",
                // node B's log names each SMS Aliyun accepted from it
                "--logging.level.cn.chuangwei.notify.AliyunSms=INFO");
    }

    /** A person reached first on this channel, at once, with no quiet hours (the test may run at Beijing's night). */
    private static void reachable(JdbcClient jdbc, String user, String channel, String address) {
        jdbc.sql("insert into person_channel (user_id, channel, address, position) values (:u, :c, :a, 1)")
                .param("u", user).param("c", channel).param("a", address).update();
        jdbc.sql("insert into person_reach (user_id, immediate, quiet_start, quiet_end) values (:u, true, '00:00', '00:00')")
                .param("u", user).update();
    }

    private static String wecomUser(int p) {
        return "wecom-user-" + p;
    }

    private static String smsUser(int p) {
        return "sms-user-" + p;
    }

    // ---- the providers ------------------------------------------------------------------------------------------

    /**
     * What the local server answers: WeCom's token and message/send and Aliyun's SendSms, all 503 during an outage.
     * Each token fetched is a new one, so the sends tell the nodes apart.
     */
    private static void answer(boolean up) {
        if (!up) {
            provider.resetMappings();
        }
        // newer stubs win: switching to up never leaves a moment without an answer
        provider.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).withQueryParam("corpsecret", equalTo(CORP_SECRET))
                .willReturn(slow(up ? okJson("""
                        {"errcode":0,"errmsg":"ok","access_token":"{{randomValue length=24 type='ALPHANUMERIC'}}",
                         "expires_in":7200}""").withTransformers("response-template") : down())));
        provider.stubFor(post(urlPathEqualTo("/cgi-bin/message/send"))
                .willReturn(slow(up ? okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m\"}")
                        : down())));
        provider.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("SendSms"))
                .withFormParam("AccessKeyId", equalTo(ACCESS_KEY_ID))
                .willReturn(slow(up ? okJson("{\"Message\":\"OK\",\"RequestId\":\"R-1\",\"Code\":\"OK\",\"BizId\":\"1^0\"}")
                        : down().withBody("{\"Code\":\"ServiceUnavailable\",\"Message\":\"The request has failed due "
                        + "to a temporary failure of the server.\",\"RequestId\":\"R-503\"}"))));
    }

    private static ResponseDefinitionBuilder down() {
        return aResponse().withStatus(503);
    }

    private static ResponseDefinitionBuilder slow(ResponseDefinitionBuilder answer) {
        return answer.withUniformRandomDelay(20, 50);
    }

    /** What the server took (answered 200) of this run's messages, by their marks; WeCom's by access token. */
    record Received(List<String> marks, Set<String> twice, int wecom, int sms, Map<String, Long> byToken) {
    }

    private static Received received(Run run) {
        List<String> marks = new ArrayList<>();
        Map<String, Long> byToken = new HashMap<>();
        int wecom = 0;
        int sms = 0;
        for (ServeEvent e : provider.getAllServeEvents()) {
            if (e.getResponse().getStatus() != 200) {
                continue;
            }
            String url = e.getRequest().getUrl();
            String text;
            if (url.startsWith("/cgi-bin/message/send")) {
                text = json(e.getRequest().getBodyAsString()).path("text").path("content").asText();
                String token = e.getRequest().queryParameter("access_token").firstValue();
                if (text.contains("〔" + run.id() + "-")) {
                    wecom++;
                    byToken.merge(token, 1L, Long::sum);
                }
            } else if (url.equals("/")) {
                text = json(form(e.getRequest().getBodyAsString()).get("TemplateParam")).path("task").asText();
                if (text.contains("〔" + run.id() + "-")) {
                    sms++;
                }
            } else {
                continue;
            }
            String mark = mark(text);
            if (mark != null && mark.startsWith(run.id() + "-")) {
                marks.add(mark);
            }
        }
        Set<String> twice = marks.stream().collect(Collectors.groupingBy(m -> m, Collectors.counting())).entrySet()
                .stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        return new Received(marks, twice, wecom, sms, byToken);
    }

    /** SMS Aliyun accepted from node B, as its log names them (one line each). */
    private static long smsAcceptedByNodeB() throws IOException {
        return Files.readString(Path.of("target", "cluster-channelsB.log")).lines()
                .filter(l -> l.contains("SMS to 139") && l.contains("accepted by")).count();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s == null ? "{}" : s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mark(String text) {
        Matcher m = MARK.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- the outbox ---------------------------------------------------------------------------------------------

    /** A run's messages: the run's number in their marks, and where they start in the outbox. */
    record Run(int id, long outboxFrom) {
    }

    /**
     * A task assignment for each message, through the Notifier as the application tells people: every other one to a
     * person reached by WeCom, the others by SMS. All in one transaction, so both nodes find them at the same moment.
     */
    private static Run seed() {
        int id = ++runs;
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        long from = jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
        Notifier notifier = nodeA.getBean(Notifier.class);
        new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            for (int i = 0; i < MESSAGES; i++) {
                String title = "整治任务〔" + id + "-" + i + "〕";
                String user = i % 2 == 0 ? wecomUser(i / 2 % PEOPLE_PER_CHANNEL) : smsUser(i / 2 % PEOPLE_PER_CHANNEL);
                notifier.send(new Notifier.Notice("channels:" + id + ":" + i, NoticeKind.ASSIGNMENT, 0L, null,
                        "TASK_ASSIGNED", locale -> Map.of("taskTitle", title, "campaignName", "创卫集群测试",
                        "phaseName", "动员", "unitName", "城管中队", "taskTarget", "无死角", "deadline", "3月12日",
                        "link", "https://chuangwei.example.org/work")), List.of(user));
            }
        });
        Run run = new Run(id, from);
        assertThat(count(run, "channel = 'WECOM'")).isEqualTo(MESSAGES / 2);
        assertThat(count(run, "channel = 'SMS'")).isEqualTo(MESSAGES / 2);
        return run;
    }

    private static long count(Run run, String where) {
        return nodeA.getBean(JdbcClient.class).sql("select count(*) from mail_outbox where id > :from and " + where)
                .param("from", run.outboxFrom()).query(Long.class).single();
    }

    private static Map<String, Long> byStatus(Run run) {
        Map<String, Long> byStatus = new TreeMap<>();
        nodeA.getBean(JdbcClient.class).sql("select status, count(*) as n from mail_outbox where id > :from group by status")
                .param("from", run.outboxFrom()).query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                });
        return byStatus;
    }

    private static void awaitDone(Run run) {
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(run, "status in ('PENDING', 'SENDING')") == 0);
        System.out.printf("ChannelsClusterIT: run %d done %.1f s after it was let go%n", run.id(),
                (System.nanoTime() - started) / 1e9);
    }
}
