package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.NewTown;
import cn.chuangwei.support.OutboxRows;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery status over the API, on H2 ({@link DeliveryApiTest}) and PostgreSQL ({@link DeliveryPostgresTest}): a
 * town's office lists its town's messages in every channel and state (filtered, paged, newest first, counted per
 * state), sends a parked one again once however often it clicks (an SMS at night after the quiet hours); another town's
 * office sees none of them and is told none exists; a unit head is refused; messages without a town are the
 * administrators'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeliveryScenario {

    static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 2, 10, 0);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    Fixture g;
    long campaign;
    String p;
    Api office;
    Api otherOffice;
    Api unitHead;
    Api admin;
    long sentSms;
    long sentYesterday;
    long due;
    long held;
    long sending;
    long retrying;
    long failed;
    long unconfirmed;
    long robotSent;
    long otherTowns;
    long townless;
    String citizen;

    @BeforeAll
    void twoTownsAndTheirMessages() {
        clock.set(LocalDateTime.of(2027, 3, 1, 8, 0));
        f = new Fixture(identity);
        g = new Fixture(identity);
        p = f.p;
        Region county = regions.ensure("消息县" + p, Region.Level.COUNTY, null);
        Region town = regions.ensure(f.town, Region.Level.TOWN, county.id());
        regions.addMember(town, f.office);
        Region otherTown = regions.ensure(g.town, Region.Level.TOWN, county.id());
        regions.addMember(otherTown, g.office);
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会·" + p, null, f.unit("dzb"), null, "2027-03-04", false, null)),
                false)).id();
        clock.set(NOW);
        // the campaign's own notices (its start assigns the task) are taken out: the rows below are the town's outbox
        jdbc.sql("delete from mail_outbox where tenant_id = :t").param("t", town.tenantId()).update();
        office = new Api(port, f.office, Fixture.PASSWORD);
        otherOffice = new Api(port, g.office, Fixture.PASSWORD);
        unitHead = new Api(port, f.head("dzb"), Fixture.PASSWORD);
        admin = new Api(port, "admin", NewTown.ADMIN_PASSWORD);
        String a = town.tenantId();
        String head = f.head("dzb");
        long robotId = row().robot(campaign, f.unit("dzb"), "WECOM_ROBOT", "党政办工作群");

        sentYesterday = row().of(a, null).to(head, "MAIL", head + "@test.example").at(NOW.minusDays(1))
                .sent(NOW.minusDays(1)).write("昨日邮件·" + p);
        sentSms = row().of(a, campaign).to(head, "SMS", "13800000001").kind("ASSIGNMENT").at(NOW.minusHours(2))
                .sent(NOW.minusHours(2)).write("交办短信·" + p);
        robotSent = row().of(a, campaign).to(null, "WECOM_ROBOT", String.valueOf(robotId)).kind("CIRCULAR")
                .at(NOW.minusMinutes(90)).sent(NOW.minusMinutes(89)).write("群通报·" + p);
        held = row().of(a, campaign).to(head, "SMS", "13800000001").at(NOW.minusMinutes(80))
                .pending(0, LocalDateTime.of(2027, 3, 3, 7, 0), null).write("静默短信·" + p);
        due = row().of(a, campaign).to(f.leader, "WECOM", "wecom-" + p).at(NOW.minusMinutes(70))
                .pending(0, null, null).write("待发企业微信·" + p);
        sending = row().of(a, campaign).to(f.leader, "DINGTALK", "ding-" + p).at(NOW.minusMinutes(60))
                .status("SENDING", 1, null).write("发送中钉钉·" + p);
        retrying = row().of(a, campaign).to(f.office, "WECOM", "wecom-o-" + p).kind("RED").at(NOW.minusMinutes(50))
                .pending(2, NOW.plusMinutes(30), "errcode 45009：接口调用超过限制").write("重试企业微信·" + p);
        failed = row().of(a, campaign).to(head, "SMS", "1380000").kind("RED").at(NOW.minusMinutes(40))
                .status("FAILED", 1, "isv.MOBILE_NUMBER_ILLEGAL：手机号码格式错误").write("搁置短信·" + p);
        unconfirmed = row().of(a, campaign).to(f.leader, "MAIL", f.leader + "@test.example").kind("INTERVIEW")
                .at(NOW.minusMinutes(30)).status("UNCONFIRMED", 1, "the sender stopped while sending; not sent again")
                .write("中断邮件·" + p);
        otherTowns = row().of(otherTown.tenantId(), null).to(g.office, "SMS", "13900000000").at(NOW.minusMinutes(20))
                .status("FAILED", 1, "isv.BUSINESS_LIMIT_CONTROL").write("二镇短信·" + p);
        citizen = p + "@caller.example";
        townless = row().of(null, null).to(null, "MAIL", citizen).at(NOW.minusMinutes(10))
                .status("FAILED", 1, "rejected: 550 no such user").write("群众回复·" + p);
    }

    @AfterAll
    void removeTheMessages() {
        OutboxRows.removeAll(jdbc);
        clock.reset();
    }

    OutboxRows row() {
        return new OutboxRows(jdbc);
    }

    static Reply ok(Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    static List<Long> ids(Reply r) {
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    JsonNode item(Reply r, long id) {
        for (JsonNode i : r.json().get("items")) {
            if (i.get("id").asLong() == id) {
                return i;
            }
        }
        throw new AssertionError("message " + id + " not listed: " + r.raw());
    }

    @Test
    @Order(1)
    void theOfficeListsItsTownsMessagesNewestFirstWithTheirStatesAndCounts() {
        Reply r = ok(office.get("/api/messages"));
        assertThat(ids(r)).containsExactly(unconfirmed, failed, retrying, sending, due, held, robotSent, sentSms,
                sentYesterday);
        assertThat(r.json().get("total").asLong()).isEqualTo(9);
        JsonNode counts = r.json().get("counts");
        assertThat(counts.get("sentToday").asLong()).isEqualTo(2);
        assertThat(counts.get("waiting").asLong()).isEqualTo(3);
        assertThat(counts.get("retrying").asLong()).isEqualTo(1);
        assertThat(counts.get("parked").asLong()).isEqualTo(2);

        assertThat(item(r, sentSms).get("state").asText()).isEqualTo("SENT");
        assertThat(item(r, sentSms).get("text").get("state").asText()).isEqualTo("已发送");
        assertThat(item(r, sentSms).get("text").get("detail").asText()).isEqualTo("发送于 2027年3月2日 08:00");
        assertThat(item(r, sentSms).get("text").get("recipient").asText()).isEqualTo("党政办负责人");
        assertThat(item(r, sentSms).get("text").get("channel").asText()).isEqualTo("短信");
        assertThat(item(r, sentSms).get("text").get("kind").asText()).isEqualTo("任务交办");
        assertThat(item(r, sentSms).get("text").get("when").asText()).isEqualTo("2027年3月2日 08:00");
        assertThat(item(r, due).get("text").get("state").asText()).isEqualTo("待发送");
        assertThat(item(r, held).get("state").asText()).isEqualTo("HELD");
        assertThat(item(r, held).get("text").get("state").asText()).isEqualTo("静默时段后发送");
        assertThat(item(r, held).get("text").get("detail").asText()).isEqualTo("下次发送：2027年3月3日 07:00");
        assertThat(item(r, sending).get("text").get("state").asText()).isEqualTo("发送中");
        JsonNode retry = item(r, retrying);
        assertThat(retry.get("text").get("state").asText()).isEqualTo("重试中");
        assertThat(retry.get("attempts").asInt()).isEqualTo(2);
        assertThat(retry.get("text").get("detail").asText()).isEqualTo("下次发送：2027年3月2日 10:30");
        assertThat(retry.get("text").get("reason").asText()).contains("45009");
        assertThat(item(r, failed).get("text").get("state").asText()).isEqualTo("已搁置");
        assertThat(item(r, failed).get("text").get("reason").asText()).contains("手机号码格式错误");
        assertThat(item(r, failed).get("text").get("resendable").asBoolean()).isTrue();
        assertThat(item(r, unconfirmed).get("text").get("state").asText()).isEqualTo("已搁置");
        assertThat(item(r, unconfirmed).get("text").get("reason").asText()).isEqualTo("发送中断，可能已送达，未再发送");
        assertThat(item(r, sentSms).get("text").get("resendable").asBoolean()).isFalse();
        // a group robot by its name and its group, never its webhook
        assertThat(item(r, robotSent).get("text").get("recipient").asText()).isEqualTo("党政办工作群（党政办）");
        assertThat(r.raw()).doesNotContain("robot.invalid");
    }

    @Test
    @Order(2)
    void filtersByStateChannelCampaignRecipientAndDaysAndPages() {
        assertThat(ids(ok(office.get("/api/messages?state=parked")))).containsExactly(unconfirmed, failed);
        assertThat(ids(ok(office.get("/api/messages?state=waiting")))).containsExactly(sending, due, held);
        assertThat(ids(ok(office.get("/api/messages?state=retrying")))).containsExactly(retrying);
        assertThat(ids(ok(office.get("/api/messages?state=sent")))).containsExactly(robotSent, sentSms, sentYesterday);
        assertThat(ids(ok(office.get("/api/messages?channel=SMS")))).containsExactly(failed, held, sentSms);
        assertThat(ids(ok(office.get("/api/messages?channel=sms&state=parked")))).containsExactly(failed);
        assertThat(ids(ok(office.get("/api/messages?campaignId=" + campaign)))).hasSize(8).doesNotContain(sentYesterday);
        assertThat(ids(ok(office.get("/api/messages?recipient=" + f.leader)))).containsExactly(unconfirmed, sending, due);
        assertThat(ids(ok(office.get("/api/messages?from=2027-03-01&to=2027-03-01")))).containsExactly(sentYesterday);
        assertThat(ids(ok(office.get("/api/messages?from=2027-03-02")))).hasSize(8);
        Reply second = ok(office.get("/api/messages?size=2&page=2"));
        assertThat(ids(second)).containsExactly(retrying, sending);
        assertThat(second.json().get("total").asLong()).isEqualTo(9);
        assertThat(ids(ok(office.get("/api/messages?size=2&page=9")))).isEmpty();

        for (String[] bad : new String[][] {{"state=lost", "state"}, {"channel=FAX", "channel"},
                {"from=2027-03-05&to=2027-03-01", "to"}, {"from=yesterday", "from"}, {"size=0", "size"},
                {"size=1000", "size"}, {"page=0", "page"}, {"campaignId=x", "campaignId"}}) {
            Reply r = office.get("/api/messages?" + bad[0]);
            assertThat(r.status()).as(bad[0] + ": " + r.raw()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(r.json().get("message").asText()).as(bad[0]).isNotBlank();
            assertThat(r.json().get("messageEn").asText()).as(bad[0]).isNotBlank();
        }
    }

    @Test
    @Order(3)
    void anotherTownsOfficeSeesNoneOfThemAndAUnitHeadIsRefused() {
        Reply other = ok(otherOffice.get("/api/messages"));
        assertThat(ids(other)).containsExactly(otherTowns);
        assertThat(other.raw()).doesNotContain("搁置短信·" + p).doesNotContain(f.head("dzb"));
        assertThat(otherOffice.get("/api/messages?recipient=" + f.head("dzb")).json().get("total").asLong()).isZero();
        Reply notFound = otherOffice.post("/api/messages/" + failed + "/resend", Map.of());
        assertThat(notFound.status()).as(notFound.raw()).isEqualTo(404);
        assertThat(notFound.json().get("code").asText()).isEqualTo("message-not-found");
        assertThat(otherOffice.post("/api/messages/999999999/resend", Map.of()).status()).isEqualTo(404);
        assertThat(status(failed)).isEqualTo("FAILED");

        assertThat(unitHead.get("/api/messages").status()).isEqualTo(403);
        assertThat(unitHead.post("/api/messages/" + failed + "/resend", Map.of()).status()).isEqualTo(403);
        assertThat(status(failed)).isEqualTo("FAILED");

        // a message without a town (a citizen's reply): the administrators' only
        assertThat(ids(ok(office.get("/api/messages")))).doesNotContain(townless);
        assertThat(office.post("/api/messages/" + townless + "/resend", Map.of()).status()).isEqualTo(404);
        Reply all = ok(admin.get("/api/messages?recipient=" + citizen));
        assertThat(ids(all)).containsExactly(townless);
        assertThat(ok(admin.get("/api/messages?state=parked&size=200")).json().get("counts").get("parked").asLong())
                .isGreaterThanOrEqualTo(4);
        assertThat(ok(admin.post("/api/messages/" + townless + "/resend", Map.of())).json().get("state").asText())
                .isEqualTo("DUE");
        assertThat(status(townless)).isEqualTo("PENDING");
    }

    @Test
    @Order(4)
    void theOfficeResendsAParkedMessageOnceAndIsToldWhyNotTheSecondTime() {
        Reply first = ok(office.post("/api/messages/" + failed + "/resend", Map.of()));
        assertThat(first.json().get("state").asText()).isEqualTo("DUE");
        assertThat(first.json().get("text").get("state").asText()).isEqualTo("待发送");
        assertThat(first.json().get("text").get("detail").asText()).isEqualTo("创卫办于 2027年3月2日 10:00 重新发送");
        Map<String, Object> row = jdbc.sql("""
                select status, attempts, last_error, resent_by, resent_at, next_attempt_at, lease_until
                from mail_outbox where id = :id""").param("id", failed).query().singleRow();
        Timestamp now = Timestamp.from(clock.instant());
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertThat(row.get("last_error")).isNull();
        assertThat(row.get("resent_by")).isEqualTo(f.office);
        assertThat(row.get("resent_at")).isEqualTo(now);
        assertThat(row.get("next_attempt_at")).isEqualTo(now);

        Reply second = office.post("/api/messages/" + failed + "/resend", Map.of());
        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("message-not-parked-due");
        assertThat(second.json().get("message").asText()).contains("正待发送").contains("只有已搁置的消息");
        assertThat(second.json().get("messageEn").asText()).contains("waiting to be sent");
        assertThat(status(failed)).isEqualTo("PENDING");

        Reply sent = office.post("/api/messages/" + sentSms + "/resend", Map.of());
        assertThat(sent.status()).isEqualTo(409);
        assertThat(sent.json().get("message").asText()).contains("已发送");
        assertThat(office.post("/api/messages/" + retrying + "/resend", Map.of()).json().get("message").asText())
                .contains("重试中");
        assertThat(status(sentSms)).isEqualTo("SENT");

        // two clicks at once (or two nodes): one resends, the other is told it is no longer parked
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reply>> both = List.of(
                    pool.submit(() -> office.post("/api/messages/" + unconfirmed + "/resend", Map.of())),
                    pool.submit(() -> office.post("/api/messages/" + unconfirmed + "/resend", Map.of())));
            for (Future<Reply> r : both) {
                statuses.add(r.get().status());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(status(unconfirmed)).isEqualTo("PENDING");
        JsonNode counts = ok(office.get("/api/messages")).json().get("counts");
        assertThat(counts.get("parked").asLong()).isZero();
        assertThat(counts.get("waiting").asLong()).isEqualTo(5);
    }

    @Test
    @Order(5)
    void theOutboxIsCountedByChannelAndStatusAsAMetric() {
        String meter = "/actuator/metrics/chuangwei.outbox.messages?tag=channel:DINGTALK_ROBOT&tag=status:UNCONFIRMED";
        double before = ok(admin.get(meter)).json().get("measurements").get(0).get("value").asDouble();
        row().of(null, null).to(null, "DINGTALK_ROBOT", "0").status("UNCONFIRMED", 1, null).write("指标·" + p);
        assertThat(ok(admin.get(meter)).json().get("measurements").get(0).get("value").asDouble()).isEqualTo(before + 1);
        assertThat(ok(admin.get("/actuator/metrics/chuangwei.outbox.mails?tag=status:UNCONFIRMED")).status())
                .isEqualTo(200);
    }

    @Test
    @Order(6)
    void aResentSmsWaitsOutTheQuietHoursUnlessItIsAnInterview() {
        clock.set(LocalDateTime.of(2027, 3, 2, 23, 0));
        try {
            long reminder = row().of(regions.findTown(f.town).orElseThrow().tenantId(), campaign)
                    .to(f.head("dzb"), "SMS", "13800000002").kind("REMINDER").at(NOW)
                    .status("FAILED", 1, "isv.OUT_OF_SERVICE").write("夜间提醒·" + p);
            long interview = row().of(regions.findTown(f.town).orElseThrow().tenantId(), campaign)
                    .to(f.head("dzb"), "SMS", "13800000002").kind("INTERVIEW").at(NOW)
                    .status("FAILED", 1, "isv.OUT_OF_SERVICE").write("夜间约谈·" + p);
            Reply held = ok(office.post("/api/messages/" + reminder + "/resend", Map.of()));
            assertThat(held.json().get("state").asText()).isEqualTo("HELD");
            assertThat(held.json().get("text").get("detail").asText()).startsWith("下次发送：2027年3月3日 07:30");
            assertThat(ok(office.post("/api/messages/" + interview + "/resend", Map.of())).json().get("state").asText())
                    .isEqualTo("DUE");
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    @Order(7)
    void thePageRefusesBadFiltersAndResendsWithAReasonNotAStackTrace() {
        WebSession page = new WebSession(port);
        assertThat(page.login(f.office, Fixture.PASSWORD).status()).isEqualTo(302);
        WebSession.Page badDate = page.get("/board/messages?from=2027-13-45");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("起始日期").contains("2027-13-45").doesNotContain("Exception");
        WebSession.Page reversed = page.get("/board/messages?from=2027-03-05&to=2027-03-01&lang=en");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("reversed");
        assertThat(page.get("/board/messages?lang=zh").status()).isEqualTo(200);
        assertThat(page.get("/board/messages?state=lost").status()).isEqualTo(400);
        assertThat(page.get("/board/messages?campaign=x").status()).isEqualTo(400);

        WebSession.Page sent = page.post("/board/messages", "/board/messages/" + sentSms + "/resend",
                Map.of("state", "sent"));
        assertThat(sent.status()).isEqualTo(409);
        assertThat(sent.body()).contains("这条消息已发送，不能重新发送").contains("交办短信·" + p);
        assertThat(status(sentSms)).isEqualTo("SENT");

        long parked = row().of(regions.findTown(f.town).orElseThrow().tenantId(), campaign)
                .to(f.head("dzb"), "MAIL", "x@test.example").status("FAILED", 1, "rejected: 550").write("页面重发·" + p);
        WebSession.Page resent = page.post("/board/messages", "/board/messages/" + parked + "/resend",
                Map.of("state", "parked", "channel", "MAIL"));
        assertThat(resent.status()).isEqualTo(302);
        assertThat(resent.location()).contains("/board/messages?state=parked&channel=MAIL&resent=" + parked);
        assertThat(page.get(resent.location().replaceFirst("^https?://[^/]+", "")).body()).contains("已重新发送“页面重发·" + p + "”");
        assertThat(status(parked)).isEqualTo("PENDING");

        WebSession other = new WebSession(port);
        other.login(g.office, Fixture.PASSWORD);
        assertThat(other.post("/board/messages", "/board/messages/" + failed + "/resend", Map.of()).status())
                .isEqualTo(404);
    }

    String status(long id) {
        return jdbc.sql("select status from mail_outbox where id = :id").param("id", id).query(String.class).single();
    }
}
