package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.support.WebSession.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One sign-in for the board and the Camunda webapps, through HTTP as a browser makes the calls: a signed-out visit to
 * Tasklist lands on {@code /login} and comes back signed in as that person (the engine's user is them, with their
 * authorizations and towns); Tasklist's refusals read in Chinese; the webapps keep their CSRF token; signing out of
 * Tasklist ends the board's session and the other way round; only the administrator creates tasks and opens Cockpit.
 */
@H2Test
class SingleSignOnTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    /** Who the webapps take the caller for (what Tasklist asks first). */
    static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";
    static final String ENGINE = "/camunda/api/engine/engine/default";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The administrator's password in the tests (application-test.yaml). */
    static final String ADMIN_PASSWORD = "test-admin-4b7e19";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TestClock clock;

    Fixture f;
    ApiCampaign campaign;

    @BeforeEach
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        campaign = start(f);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private ApiCampaign start(Fixture town) {
        return ApiCampaign.start(port, management, town, town.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, town.unit("dzb"), null, "2027-03-03", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, town.unit("cgzx"), null, "2027-03-04", false, null)),
                false));
    }

    /** The open task of a unit, as its head's API shows it. */
    private String taskOf(Fixture town, String unit) {
        return new Api(port, town.head(unit), Fixture.PASSWORD).get("/api/tasks?campaignId=" + campaign.id()).json()
                .get(0).get("id").asText();
    }

    /** Signed in on /login, then Tasklist opened (as the browser loads it: its page, then its API). */
    private WebSession inTasklist(String user, String password) {
        WebSession s = new WebSession(port);
        Page login = s.login(user, password);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("error");
        assertThat(s.get(TASKLIST).status()).isEqualTo(200);
        assertThat(s.webapp("/camunda/api/engine/engine/", null).status()).as("the CSRF cookie comes with a GET").isEqualTo(200);
        return s;
    }

    private static JsonNode json(Page page) {
        try {
            return JSON.readTree(page.body());
        } catch (Exception e) {
            throw new AssertionError(page.status() + " " + page.body(), e);
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(t -> out.add(t.get("name").asText()));
        return out;
    }

    @Test
    void aSignedOutVisitToTasklistGoesToLoginAndComesBackSignedInAsThatPerson() {
        WebSession s = new WebSession(port);
        Page signedOut = s.get(TASKLIST);
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).endsWith("/login");
        assertThat(s.webapp(WEBAPP_USER, null).status()).as("the webapps' API asks no login form").isEqualTo(401);
        assertThat(s.webapp(ENGINE + "/task", null).status()).isEqualTo(401);

        Page login = s.login(f.head("cgzx"), Fixture.PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).as("back to Tasklist").endsWith(TASKLIST);
        Page tasklist = s.get(TASKLIST);
        assertThat(tasklist.status()).isEqualTo(200);
        assertThat(tasklist.body()).contains("camunda-tasklist-bootstrap.js").doesNotContain("name=\"password\"");

        Page me = s.webapp(WEBAPP_USER, null);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("userId").asText()).isEqualTo(f.head("cgzx"));
        assertThat(json(me).get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit")
                .doesNotContain("admin");
        // the engine works as them: their unit's task, not another unit's
        List<String> seen = names(json(s.webapp(ENGINE + "/task", null)));
        assertThat(seen).containsExactly("城管环卫中心：清理主要街道");
        assertThat(s.webapp(ENGINE + "/task/" + taskOf(f, "cgzx"), null).status()).isEqualTo(200);
    }

    @Test
    void theWebappsKeepTheTownsApart() {
        Fixture other = new Fixture(identity);
        ApiCampaign elsewhere = start(other);
        assertThat(elsewhere.id()).isNotEqualTo(campaign.id());
        // the office reads every task (the engine's authorization), but only its own town's (the engine's tenants)
        WebSession office = inTasklist(f.office, Fixture.PASSWORD);
        List<String> seen = new ArrayList<>();
        json(office.webapp(ENGINE + "/task?maxResults=1000", null)).forEach(t -> seen.add(t.get("tenantId").asText()));
        assertThat(seen).isNotEmpty().doesNotContainNull();
        assertThat(seen.stream().distinct().toList()).as("tenants of the tasks the office sees").hasSize(1);
        String taskElsewhere = new Api(port, other.head("cgzx"), Fixture.PASSWORD)
                .get("/api/tasks?campaignId=" + elsewhere.id()).json().get(0).get("id").asText();
        Page read = office.webapp(ENGINE + "/task/" + taskElsewhere, null);
        assertThat(read.status()).as(read.body()).isEqualTo(403);
        assertThat(json(read).get("message").asText()).isEqualTo("该任务不属于您或您所在的单位。");
    }

    @Test
    void claimingAnotherUnitsTaskIsRefusedInChineseAndTheWebappsCsrfTokenIsStillAsked() {
        String cgzxTask = taskOf(f, "cgzx");
        // a supervisor sees the unit's task (and so the claim button) but may not work it
        String claim = ENGINE + "/task/" + cgzxTask + "/claim";
        String me = "{\"userId\":\"" + f.supervisors.get(0) + "\"}";
        WebSession forged = inTasklist(f.supervisors.get(0), Fixture.PASSWORD);
        Page withoutToken = forged.webappJson("POST", claim, me, false);
        assertThat(withoutToken.status()).as("Camunda's CSRF filter, as before").isIn(401, 403);
        assertThat(forged.webapp(WEBAPP_USER, null).status()).as("which ends the session it was sent in").isEqualTo(401);
        assertThat(tasks.createTaskQuery().taskId(cgzxTask).singleResult().getAssignee()).isNull();

        WebSession supervisor = inTasklist(f.supervisors.get(0), Fixture.PASSWORD);
        Page refused = supervisor.webappJson("POST", claim, me, true);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        JsonNode body = json(refused);
        assertThat(body.get("message").asText()).isEqualTo("无权执行此操作。");
        assertThat(body.get("messageEn").asText()).isEqualTo("You are not allowed to do this.");
        assertThat(refused.body()).doesNotContain("ENGINE-").doesNotContain(f.supervisors.get(0))
                .doesNotContain("AuthorizationException:").doesNotContain("TASK_WORK");
        assertThat(tasks.createTaskQuery().taskId(cgzxTask).singleResult().getAssignee()).isNull();

        // another unit's head does not even see it: the same answer as on /engine-rest
        WebSession head = inTasklist(f.head("dzb"), Fixture.PASSWORD);
        Page notTheirs = head.webappJson("POST", claim, "{\"userId\":\"" + f.head("dzb") + "\"}", true);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(json(notTheirs).get("message").asText()).isEqualTo("该任务不属于您或您所在的单位。");
        assertThat(json(notTheirs).get("message").asText()).isEqualTo(new Api(port, f.head("dzb"), Fixture.PASSWORD)
                .post("/engine-rest/task/" + cgzxTask + "/claim", Map.of("userId", f.head("dzb"))).json()
                .get("message").asText());

        // their own unit's head claims it
        WebSession own = inTasklist(f.head("cgzx"), Fixture.PASSWORD);
        Page claimed = own.webappJson("POST", claim, "{\"userId\":\"" + f.head("cgzx") + "\"}", true);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(cgzxTask).singleResult().getAssignee()).isEqualTo(f.head("cgzx"));
    }

    @Test
    void nobodyButTheAdministratorCreatesTasks() {
        String check = ENGINE + "/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7";
        String create = "{\"name\":\"自建任务\"}";
        for (String user : List.of(f.head("cgzx"), f.office, f.supervisors.get(0), f.leader)) {
            WebSession s = inTasklist(user, Fixture.PASSWORD);
            assertThat(json(s.webapp(check, null)).get("authorized").asBoolean()).as(user).isFalse();
            Page refused = s.webappJson("POST", ENGINE + "/task/create", create, true);
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
            assertThat(json(refused).get("message").asText()).isEqualTo("无权执行此操作。");
        }
        assertThat(tasks.createTaskQuery().taskName("自建任务").count()).isZero();
        WebSession admin = inTasklist("admin", ADMIN_PASSWORD);
        assertThat(json(admin.webapp(check, null)).get("authorized").asBoolean()).isTrue();

        // Tasklist's button follows the check: hidden by the styles until the script (served here) finds it allowed
        Page styles = admin.get("/camunda/app/tasklist/styles/user-styles.css");
        assertThat(styles.body()).contains(".create-task-action").contains(".cw-may-create-task .create-task-action")
                .contains(".ce-eol-banner").contains(".tasks-list .priority");
        Page script = admin.get("/camunda/app/chuangwei/webapps.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("resourceName=Task").contains("cw-may-create-task");
        assertThat(admin.get("/camunda/app/tasklist/scripts/config.js").body()).contains("../chuangwei/webapps");
    }

    @Test
    void signingOutOfTasklistEndsTheBoardSessionAndTheOtherWayRound() {
        String logout = WEBAPP_USER + "/logout";
        WebSession s = inTasklist(f.head("cgzx"), Fixture.PASSWORD);
        assertThat(s.get("/").status()).as("signed in to the board too").isEqualTo(302);
        assertThat(s.get("/").location()).as("on to their work, not to the sign-in").doesNotContain("/login");

        Page out = s.webapp(logout, "");
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(s.webapp(WEBAPP_USER, null).status()).isEqualTo(401);
        Page board = s.get("/");
        assertThat(board.status()).isEqualTo(302);
        assertThat(board.location()).endsWith("/login");
        assertThat(s.get(TASKLIST).location()).endsWith("/login");

        // the board's sign-out ends the webapps' too
        WebSession t = inTasklist(f.office, Fixture.PASSWORD);
        assertThat(t.post("/board/" + campaign.id(), "/logout", Map.of()).location()).endsWith("/login?logout");
        assertThat(t.webapp(WEBAPP_USER, null).status()).isEqualTo(401);
        assertThat(t.get(TASKLIST).location()).endsWith("/login");
    }

    @Test
    void theWebappsOwnLoginIsClosed() {
        WebSession signedOut = new WebSession(port);
        Page anonymous = signedOut.webapp(WEBAPP_USER + "/login/tasklist",
                "username=" + f.head("cgzx") + "&password=" + Fixture.PASSWORD);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(signedOut.webapp(WEBAPP_USER, null).status()).isEqualTo(401);

        // nor can a signed-in person become someone else in the webapps
        WebSession s = inTasklist(f.head("cgzx"), Fixture.PASSWORD);
        Page other = s.webapp(WEBAPP_USER + "/login/tasklist", "username=" + f.head("dzb") + "&password="
                + Fixture.PASSWORD);
        assertThat(other.status()).isEqualTo(403);
        assertThat(json(s.webapp(WEBAPP_USER, null)).get("userId").asText()).isEqualTo(f.head("cgzx"));
    }

    @Test
    void theAdministratorReachesCockpitAndAdmin() {
        WebSession admin = inTasklist("admin", ADMIN_PASSWORD);
        JsonNode me = json(admin.webapp(WEBAPP_USER, null));
        assertThat(me.get("userId").asText()).isEqualTo("admin");
        assertThat(me.get("authorizedApps").toString()).contains("cockpit").contains("admin").contains("tasklist");
        assertThat(admin.get("/camunda/app/cockpit/default/").status()).isEqualTo(200);
        assertThat(admin.get("/camunda/app/admin/default/").status()).isEqualTo(200);
        Page users = admin.webapp(ENGINE + "/user/count", null);
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        Page stats = admin.webapp("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
    }
}
