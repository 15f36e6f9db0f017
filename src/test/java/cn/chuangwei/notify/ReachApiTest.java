package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.NewTown;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's channels and choices through the API: the office of the town they work in sets their channels in order
 * and their choices ({@code /api/people/{userId}/reach}), the person their own choices ({@code /api/me/reach}). Every
 * rule refuses its bad input with the field named in Chinese and English, and the database stays as it was; another
 * town's office, a unit head and the leading group are refused.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    NewTown town;
    NewTown other;
    Api office;

    @BeforeAll
    void towns() {
        town = new NewTown(port);
        other = new NewTown(port);
        office = as(town.office);
    }

    @Test
    void theOfficeSetsAPersonsChannelsInOrderAndTheirChoices() {
        String head = town.heads.get(0);
        Reply r = office.put(path(head), Map.of("channels", List.of(
                        Map.of("channel", "WECOM", "address", "ChenZhuRen"),
                        Map.of("channel", "SMS", "address", "+86 138-0013-8000"),
                        Map.of("channel", "MAIL")),
                "immediate", false, "quietStart", "22:00", "quietEnd", "7:30"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("陈主任");
        assertThat(r.json().get("quietEnd").asText()).isEqualTo("07:30");
        assertThat(channels(head)).containsExactly("1 WECOM ChenZhuRen", "2 SMS 13800138000", "3 MAIL null");

        Reply read = office.get(path(head));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("channels").get(2).get("address").asText()).isEqualTo(head + "@test.example");
        assertThat(read.json().get("immediate").asBoolean()).isFalse();
        assertThat(read.json().get("quietStart").asText()).isEqualTo("22:00");
        assertThat(read.json().get("updatedBy").asText()).isEqualTo(town.office);

        // a new order replaces the old one entirely: DingTalk first, no SMS any more; full-width digits are digits
        assertThat(office.put(path(head), Map.of("channels", List.of(Map.of("channel", "dingtalk", "address", "chen.zr"),
                Map.of("channel", "WECOM", "address", "ChenZhuRen")), "immediate", true)).status()).isEqualTo(200);
        assertThat(channels(head)).containsExactly("1 DINGTALK chen.zr", "2 WECOM ChenZhuRen");
        assertThat(choices(head)).isEqualTo("true null null");

        // the choices left out stay as they are
        assertThat(office.put(path(head), Map.of("channels", List.of(Map.of("channel", "MAIL")))).status())
                .isEqualTo(200);
        assertThat(choices(head)).isEqualTo("true null null");
        assertThat(office.put(path(head), Map.of("quietStart", "21:00", "quietEnd", "06:00")).status()).isEqualTo(200);
        assertThat(choices(head)).isEqualTo("true 21:00 06:00");
        assertThat(office.put(path(head), Map.of("immediate", false)).status()).isEqualTo(200);
        assertThat(choices(head)).isEqualTo("false null null");

        // none at all: mail at the directory's address
        assertThat(office.put(path(head), Map.of("channels", List.of())).status()).isEqualTo(200);
        assertThat(channels(head)).isEmpty();
        assertThat(office.put(path(head), Map.of("channels", List.of(Map.of("channel", "SMS",
                "address", "１３９００１３９０００")))).status()).isEqualTo(200);
        assertThat(channels(head)).containsExactly("1 SMS 13900139000");
    }

    @Test
    void everyRuleRefusesWithTheFieldNamedAndWritesNothing() {
        String head = town.heads.get(1);
        Map<String, Object> good = new HashMap<>(Map.of("channels", List.of(
                Map.of("channel", "WECOM", "address", "zhou"), Map.of("channel", "SMS", "address", "13700137000")),
                "immediate", true, "quietStart", "21:00", "quietEnd", "08:00"));
        assertThat(office.put(path(head), good).status()).isEqualTo(200);
        List<String> channelsBefore = channels(head);
        String choicesBefore = choices(head);

        refused(head, channels(Map.of("channel", "SMS", "address", "12345")), "reach-invalid-mobile", "channels[0].address");
        refused(head, channels(Map.of("channel", "SMS", "address", "23800138000")), "reach-invalid-mobile",
                "channels[0].address");
        refused(head, channels(Map.of("channel", "SMS", "address", "+85 13800138000")), "reach-invalid-mobile",
                "channels[0].address");
        refused(head, channels(Map.of("channel", "SMS", "address", "138001380001")), "reach-invalid-mobile",
                "channels[0].address");
        refused(head, channels(Map.of("channel", "WECOM", "address", "zhou"), Map.of("channel", "DINGTALK",
                "address", "周 院长")), "reach-invalid-user-id", "channels[1].address");
        refused(head, channels(Map.of("channel", "WECOM", "address", "z".repeat(65))), "reach-invalid-user-id",
                "channels[0].address");
        refused(head, channels(Map.of("channel", "WECOM", "address", "zhou<script>")), "reach-invalid-user-id",
                "channels[0].address");
        refused(head, channels(Map.of("channel", "DINGTALK")), "reach-address-required", "channels[0].address");
        refused(head, channels(Map.of("channel", "WECOM", "address", "zhou"), Map.of("channel", "WECOM",
                "address", "zhou2")), "reach-channel-twice", "channels[1].channel");
        refused(head, channels(Map.of("channel", "FAX", "address", "x")), "invalid-choice", "channels[0].channel");
        refused(head, channels(Map.of("channel", "WECOM_ROBOT", "address", "x")), "invalid-choice",
                "channels[0].channel");
        refused(head, channels(Map.of("address", "x")), "required", "channels[0].channel");
        // valid channels do not go in when the choices are refused: nothing half-written
        Map<String, Object> halfGood = new HashMap<>(channels(Map.of("channel", "MAIL")));
        halfGood.put("quietStart", "22:00");
        refused(head, halfGood, "reach-quiet-both", "quietEnd");
        halfGood.put("quietEnd", "25:00");
        refused(head, halfGood, "reach-invalid-time", "quietEnd");
        halfGood.put("quietEnd", "22:00");
        refused(head, halfGood, "reach-quiet-empty", "quietEnd");
        halfGood.put("quietEnd", "晚上");
        refused(head, halfGood, "reach-invalid-time", "quietEnd");
        assertThat(office.put(path(head), "{\"channels\": 5}").status()).isEqualTo(400);
        assertThat(office.put(path(head), "not json").status()).isEqualTo(400);

        assertThat(channels(head)).isEqualTo(channelsBefore);
        assertThat(choices(head)).isEqualTo(choicesBefore);
    }

    @Test
    void onlyTheOfficeOfTheirTownSetsAPersonUp() {
        String head = town.heads.get(2);
        Map<String, Object> body = channels(Map.of("channel", "SMS", "address", "13600136000"));
        for (String who : List.of(other.office, town.heads.get(0), town.leader, town.supervisor, other.heads.get(0))) {
            assertThat(as(who).get(path(head)).status()).as(who).isEqualTo(403);
            Reply r = as(who).put(path(head), body);
            assertThat(r.status()).as(who).isEqualTo(403);
            assertThat(r.json().get("message").asText()).isNotBlank();
        }
        assertThat(new Api(port, null, null).get(path(head)).status()).isEqualTo(401);
        assertThat(channels(head)).isEmpty();
        // the office of the other town for its own people, not this town's
        assertThat(as(other.office).put(path(other.heads.get(0)), body).status()).isEqualTo(200);
        // nobody by that login: the office may not set them up; an administrator is told there is nobody
        assertThat(office.get(path("nobody-" + town.p)).status()).isEqualTo(403);
        assertThat(new Api(port, "admin", NewTown.ADMIN_PASSWORD).get(path("nobody-" + town.p)).status()).isEqualTo(404);
        assertThat(new Api(port, "admin", NewTown.ADMIN_PASSWORD).get(path(head)).status()).isEqualTo(200);
    }

    @Test
    void aPersonChoosesDigestOrAtOnceAndTheirQuietHoursButNotTheirChannels() {
        String me = town.supervisor;
        assertThat(office.put(path(me), channels(Map.of("channel", "WECOM", "address", "sun"))).status()).isEqualTo(200);
        Api mine = as(me);
        Reply r = mine.get("/api/me/reach");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("immediate").isNull()).as("nobody chose: the installation's").isTrue();
        assertThat(r.json().get("installationImmediate").isBoolean()).as("the installation's, for the page").isTrue();
        assertThat(choices(me)).as("channels alone make no choice for the person").isEqualTo("none");
        assertThat(r.json().get("channels").get(0).get("channel").asText()).isEqualTo("WECOM");

        Map<String, Object> body = new HashMap<>(Map.of("immediate", true, "quietStart", "23:00", "quietEnd", "06:30"));
        body.put("channels", List.of(Map.of("channel", "SMS", "address", "13500135000")));
        Reply set = mine.put("/api/me/reach", body);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(choices(me)).isEqualTo("true 23:00 06:30");
        assertThat(channels(me)).as("the channels are the office's").containsExactly("1 WECOM sun");

        Reply bad = mine.put("/api/me/reach", Map.of("immediate", false, "quietStart", "23:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("quietEnd");
        assertThat(choices(me)).isEqualTo("true 23:00 06:30");
        assertThat(mine.put("/api/me/reach", Map.of("immediate", false)).status()).isEqualTo(200);
        assertThat(choices(me)).isEqualTo("false null null");
        assertThat(new Api(port, null, null).get("/api/me/reach").status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void refused(String userId, Object body, String code, String field) {
        Reply r = office.put(path(userId), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().get("field").asText()).as(r.raw()).isEqualTo(field);
        assertThat(r.json().get("message").asText()).as("Chinese names the field").contains(field);
        assertThat(r.json().get("messageEn").asText()).as("English names the field").contains(field);
        assertThat(r.json().get("message").asText()).doesNotStartWith("error.");
        assertThat(r.json().get("messageEn").asText()).doesNotStartWith("error.");
    }

    @SafeVarargs
    private static Map<String, Object> channels(Map<String, String>... entries) {
        return Map.of("channels", new ArrayList<>(Arrays.asList(entries)));
    }

    private String path(String userId) {
        return "/api/people/" + userId + "/reach";
    }

    private List<String> channels(String userId) {
        return jdbc.sql("select position, channel, address from person_channel where user_id = :u order by position")
                .param("u", userId).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
    }

    private String choices(String userId) {
        return jdbc.sql("select immediate, quiet_start, quiet_end from person_reach where user_id = :u")
                .param("u", userId).query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .optional().orElse("none");
    }

    private Api as(String user) {
        return new Api(port, user, NewTown.PASSWORD);
    }
}
