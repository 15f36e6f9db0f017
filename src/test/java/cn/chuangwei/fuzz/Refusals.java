package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every answer to hostile input must be: never a 5xx; a 4xx is the JSON {@code ApiError} with a Chinese and an
 * English message and no stack trace; and a refused request leaves the database as it was (no partial write).
 */
final class Refusals {

    /** Every table a request of the API writes to, the engine's runtime and history included. */
    static final List<String> TABLES = List.of("campaign", "campaign_phase", "campaign_unit", "campaign_member",
            "task_row", "task_event", "evidence", "gate_signature", "escalation_step", "patrol_grid", "patrol_case",
            "case_event", "case_photo", "circular", "circular_item", "circular_document", "county_circular",
            "county_circular_town", "county_circular_item", "mail_outbox", "mail_template",
            "work_calendar_day", "campaign_threshold", "standard", "standard_area", "standard_item", "standard_indicator",
            "act_ru_task", "act_ru_execution", "act_ru_variable", "act_ru_job", "act_ru_identitylink", "act_hi_procinst",
            "act_hi_taskinst", "act_hi_identitylink", "region", "region_role", "act_id_user", "act_id_membership", "act_id_tenant",
            "act_id_tenant_member", "person_channel", "person_reach", "group_robot");

    /** Tables a request replaces rather than adds to, compared row by row. */
    private static final Map<String, String> CONTENTS = Map.of(
            "mail_template", "select template_key, locale, subject, body from mail_template order by 1, 2",
            "patrol_grid", "select campaign_id, code, name, inspector from patrol_grid order by 1, 2",
            "work_calendar_day", "select cal_day, kind, name, provisional from work_calendar_day order by 1",
            "campaign_threshold", "select campaign_id, indicator_code, threshold_number, threshold_grade, threshold_bool"
                    + " from campaign_threshold order by 1, 2",
            "act_ru_task", "select id_, assignee_ from act_ru_task order by 1",
            "task_row", "select id, status, result_summary, submitted_by from task_row order by 1",
            "person_channel", "select user_id, channel, address, position from person_channel order by 1, 2",
            "person_reach", "select user_id, immediate, quiet_start, quiet_end from person_reach order by 1",
            "group_robot", "select id, unit_code, channel, name, webhook, secret from group_robot order by 1");

    private final JdbcClient jdbc;

    Refusals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Row counts of every table, and the rows of those a request replaces. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String t : TABLES) {
            s.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        CONTENTS.forEach((t, sql) -> s.put(t + " rows", jdbc.sql(sql).query().listOfRows().toString()));
        return s;
    }

    /**
     * Checks an answer to hostile input: no 5xx; a refusal is a bilingual ApiError; a refusal changed nothing.
     *
     * @return whether the request was refused
     */
    boolean check(String method, String path, Reply r, Map<String, Object> before) {
        String what = method + " " + path;
        assertThat(r.status()).as("%s answered %s: %s", what, r.status(), abbreviate(r.raw())).isLessThan(500);
        if (r.status() < 400) {
            return false;
        }
        if (refusedAtTheDoor(path)) {
            assertThat(r.status()).as(what).isEqualTo(400);
        } else {
            apiError(what, r);
        }
        assertThat(snapshot()).as("%s was refused (%s) but changed the database", what, r.status()).isEqualTo(before);
        return true;
    }

    /**
     * Whether the servlet container itself refuses the address, with a plain 400 page before any code of the application
     * runs: a NUL in the path. (An encoded "/" or "\\" Tomcat hands on, and Spring Security's firewall refuses it, as
     * everything else it refuses, with the API's ApiError or the pages' error page: web/RejectedAddresses.)
     */
    static boolean refusedAtTheDoor(String pathAndQuery) {
        return pathAndQuery.split("\\?", 2)[0].contains("%00");
    }

    static void apiError(String what, Reply r) {
        JsonNode e = r.json();
        assertThat(e).as("%s: a refusal is a JSON ApiError, not %s", what, abbreviate(r.raw())).isNotNull();
        assertThat(e.isObject()).as(what).isTrue();
        assertThat(e.path("status").asInt()).as("%s: status in the body", what).isEqualTo(r.status());
        String code = e.path("code").asText();
        assertThat(code).as("%s: code", what).matches("[a-z][a-z0-9-]*");
        assertThat(e.path("message").asText()).as("%s: Chinese message of %s", what, code)
                .matches("(?s).*[\\u4e00-\\u9fa5].*").isNotEqualTo("error." + code);
        assertThat(e.path("messageEn").asText()).as("%s: English message of %s", what, code).isNotBlank()
                .isNotEqualTo("error." + code);
        assertThat(r.raw()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        List<String> allowed = List.of("status", "code", "message", "messageEn", "field", "row");
        e.fieldNames().forEachRemaining(f -> assertThat(allowed).as("%s: field %s of the ApiError", what, f).contains(f));
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 600 ? s : s.substring(0, 600) + "… (" + s.length() + " chars)";
    }
}
