package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pins the engine {@code impl} types {@link OwnGroupAuthorizations} relies on, with the real engine and the statements
 * it sends to the database (H2's query statistics): the engine opens this package's authorization manager in every
 * command; the engine's own group filter still reads every authorized group id (so the override still has something to
 * spare) and the engine still reaches it through the overridable {@code filterAuthenticatedGroupIds}, for no signed-in
 * command here runs that read; revokes are never asked about; and a person's group grants work as before, through the
 * engine's services, {@code /engine-rest} and the application, while a group without grants opens nothing.
 */
@H2Test
class OwnGroupAuthorizationsTest {

    /** The engine's read of every authorized group id, as H2 records it ({@code selectAuthorizedGroupIds}). */
    private static final String GROUP_ID_READ = "distinct(a.group_id_) from act_ru_authorization";
    /** The engine's question whether a revoking authorization applies ({@code selectRevokeAuthorization}). */
    private static final String REVOKE_READ = "where type_ = 2";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    OwnGroupAuthorizations plugin;

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        clock.reset();
        jdbc.sql("set query_statistics false").update();
    }

    @Test
    void everyCommandGetsThisPackagesManagerAndRevokesAreNeverChecked() {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Object manager = cfg.getCommandExecutorTxRequired().execute(ctx -> ctx.getAuthorizationManager());
        assertThat(manager).isExactlyInstanceOf(OwnGroupAuthorizationManager.class);
        assertThat(cfg.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }

    @Test
    void theEnginesOwnFilterReadsEveryGroupIdAndThisOnePassesTheGroupsThrough() {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        List<String> groups = List.of("no-grants-" + System.nanoTime(), "camunda-admin", "camunda-admin");

        Map<String, Long> engines = counting(() -> commands.execute(
                ctx -> new AuthorizationManager().filterAuthenticatedGroupIds(groups)));
        assertThat(count(engines, GROUP_ID_READ)).as("the engine's own filter still reads every group id").isEqualTo(1);

        List<List<String>> passed = new ArrayList<>();
        Map<String, Long> ours = counting(() -> passed.add(commands.execute(
                ctx -> ctx.getAuthorizationManager().filterAuthenticatedGroupIds(groups))));
        assertThat(passed.get(0)).containsExactly(groups.get(0), "camunda-admin");
        assertThat(count(ours, GROUP_ID_READ)).isZero();
    }

    @Test
    void aPersonInMoreGroupsThanAnInListTakesGetsTheEnginesFilterAgain() {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        List<String> groups = new ArrayList<>(List.of("camunda-admin"));
        for (int i = 0; groups.size() <= OwnGroupAuthorizationManager.PASS_THROUGH_LIMIT; i++) {
            groups.add("no-grants-" + i);
        }
        List<List<String>> passed = new ArrayList<>();
        Map<String, Long> seen = counting(() -> passed.add(commands.execute(
                ctx -> ctx.getAuthorizationManager().filterAuthenticatedGroupIds(groups))));
        assertThat(count(seen, GROUP_ID_READ)).isEqualTo(1);
        assertThat(passed.get(0)).containsExactly("camunda-admin");
    }

    @Test
    void groupGrantsWorkThroughTheServicesWithoutReadingEveryGroupIdAndAGroupWithoutGrantsOpensNothing() {
        String p = "og" + System.nanoTime();
        String granted = group(p + "-granted");
        String bare = group(p + "-bare");
        String worker = user(p + "-worker", granted, bare);
        String stranger = user(p + "-stranger", bare);
        Task t = tasks.newTask();
        t.setName("检查");
        tasks.saveTask(t);
        tasks.addCandidateGroup(t.getId(), granted);

        Map<String, Long> seen = counting(() -> {
            signIn(stranger, bare);
            assertThat(tasks.createTaskQuery().taskId(t.getId()).count()).isZero();
            assertThatThrownBy(() -> tasks.claim(t.getId(), stranger)).isInstanceOf(AuthorizationException.class);
            signIn(worker, granted, bare);
            assertThat(tasks.createTaskQuery().taskId(t.getId()).count()).isEqualTo(1);
            assertThat(tasks.createTaskQuery().taskCandidateGroup(granted).taskId(t.getId()).count()).isEqualTo(1);
            tasks.claim(t.getId(), worker);
            tasks.complete(t.getId());
            identity.clearAuthentication();
        });
        assertThat(tasks.createTaskQuery().taskId(t.getId()).count()).as("completed").isZero();
        assertThat(count(seen, "act_ru_authorization")).as("the checks ran").isPositive();
        assertThat(count(seen, GROUP_ID_READ)).isZero();
        assertThat(count(seen, REVOKE_READ)).isZero();
    }

    @Test
    void groupGrantsWorkThroughEngineRestAndTheApplication() {
        clock.set(LocalDateTime.of(2027, 9, 6, 9, 0));
        Fixture f = new Fixture(identity);
        ApiCampaign c = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 9, 6), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-09-10", false, null),
                new TaskRequest("MOBILIZATION", "清理卫生死角", null, f.unit("cgzx"), null, "2027-09-10", false, null)),
                false));
        Api head = new Api(port, f.head("dzb"), Fixture.PASSWORD);
        Api other = new Api(port, f.head("cgzx"), Fixture.PASSWORD);
        assertThat(authorizations.createAuthorizationQuery().userIdIn(f.head("dzb"))
                .resourceType(Resources.TASK).count())
                .as("the unit head's grants on its task come through the unit's group only").isZero();

        Map<String, Long> seen = counting(() -> {
            List<String> mine = ids(head.get("/engine-rest/task?processInstanceBusinessKeyLike=campaign-" + c.id()));
            List<String> theirs = ids(other.get("/engine-rest/task?processInstanceBusinessKeyLike=campaign-" + c.id()));
            assertThat(mine).hasSize(1).doesNotContainAnyElementsOf(theirs);
            assertThat(theirs).hasSize(1);
            assertThat(ids(head.get("/api/tasks?campaignId=" + c.id()))).isEqualTo(mine);
            String task = mine.get(0);
            assertThat(other.post("/engine-rest/task/" + task + "/claim", Map.of("userId", f.head("cgzx"))).status())
                    .isEqualTo(403);
            assertThat(head.post("/engine-rest/task/" + task + "/claim", Map.of("userId", f.head("dzb"))).status())
                    .isEqualTo(204);
            assertThat(other.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "x")).status())
                    .isEqualTo(403);
            assertThat(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "已召开")).status())
                    .isEqualTo(200);
            assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
        });
        assertThat(count(seen, GROUP_ID_READ)).isZero();
        assertThat(count(seen, REVOKE_READ)).isZero();
    }

    @Test
    void aRevokeIsRefusedThroughTheServiceAndEngineRest() {
        String admin = user("og-admin-" + System.nanoTime(), "camunda-admin");
        assertThatThrownBy(() -> authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("撤销授权")
                .hasMessageContaining("Revoking authorizations");
        Api.Reply r = new Api(port, admin, Fixture.PASSWORD).post("/engine-rest/authorization/create", Map.of(
                "type", 2, "permissions", List.of("READ"), "groupId", "camunda-admin", "resourceType", 7,
                "resourceId", "*"));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.raw()).contains("REVOKE");
        assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
                .isZero();
        // a grant is still created
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
    }

    @Test
    void aStoredRevokeStopsTheEngineAndIsNamed() {
        String id = "og-revoke-" + System.nanoTime();
        // as an older version or a hand-made row would have stored it: past the manager that refuses new ones
        jdbc.sql("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                values (:id, 1, 2, 'camunda-admin', 7, '*', 2)""").param("id", id).update();
        try {
            assertThatThrownBy(() -> plugin.postProcessEngineBuild(engine)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("拒绝启动").hasMessageContaining("Refusing to start").hasMessageContaining(id)
                    .hasMessageContaining("camunda-admin");
        } finally {
            jdbc.sql("delete from act_ru_authorization where id_ = :id").param("id", id).update();
        }
        plugin.postProcessEngineBuild(engine);
    }

    private static List<String> ids(Api.Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(t -> out.add(t.get("id").asText()));
        return out;
    }

    private void signIn(String user, String... groups) {
        identity.setAuthentication(user, List.of(groups));
    }

    private String group(String id) {
        Group g = identity.newGroup(id);
        g.setName(id);
        identity.saveGroup(g);
        return id;
    }

    private String user(String id, String... groups) {
        User u = identity.newUser(id);
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        for (String g : groups) {
            identity.createMembership(id, g);
        }
        return id;
    }

    /** The statements H2 ran while {@code work} ran (by text, lower case), with how often each ran. */
    private Map<String, Long> counting(Runnable work) {
        jdbc.sql("set query_statistics false").update();
        jdbc.sql("set query_statistics_max_entries 100000").update();
        jdbc.sql("set query_statistics true").update();
        work.run();
        Map<String, Long> out = new java.util.HashMap<>();
        jdbc.sql("select sql_statement, execution_count from information_schema.query_statistics")
                .query((rs, n) -> out.merge(rs.getString(1).toLowerCase().replaceAll("\\s+", " "), rs.getLong(2),
                        Long::sum)).list();
        jdbc.sql("set query_statistics false").update();
        return out;
    }

    private static long count(Map<String, Long> statements, String part) {
        return statements.entrySet().stream().filter(e -> e.getKey().contains(part)).mapToLong(Map.Entry::getValue)
                .sum();
    }

}
