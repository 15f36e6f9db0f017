package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.PostgresTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authorization statements the engine still sends with revokes never checked, planned by PostgreSQL over an
 * authorization table of the province benchmark's shape (20,000 task grants to 500 unit groups, one grant per user,
 * one per group; 20,000 running tasks): the statements are the engine's own (its MyBatis mapping, bound with the
 * parameters a signed-in unit head's check binds), each planned with {@code EXPLAIN (ANALYZE, BUFFERS)} with and
 * without {@code cw_idx_auth_type}. None of them uses that index, so {@link EngineIndexes} drops it; the plans are
 * written to {@code target/auth-plans.txt} (bench/results/ANALYSIS.md, "Issue 18: the authorization plugin").
 */
@PostgresTest
class AuthorizationPlansPostgresTest {

    private static final int TASKS = 20_000;
    private static final int UNITS = 500;
    private static final String USER = "seed-user-7";
    private static final List<String> GROUPS = List.of("seed-unit-7", "seed-role-7");

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void seed() {
        jdbc.sql("""
                insert into act_ru_task (id_, rev_, name_, priority_, create_time_, suspension_state_)
                select 'seed-task-' || i, 1, 'seed', 50, now(), 1 from generate_series(1, :n) i""")
                .param("n", TASKS).update();
        // one grant per open task and candidate group (the default authorization of a candidate group: TASK_WORK)
        jdbc.sql("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                select 'seed-a-t' || i, 1, 1, 'seed-unit-' || (i % :units), 7, 'seed-task-' || i, :perms
                from generate_series(1, :n) i""").param("units", UNITS).param("n", TASKS)
                .param("perms", TaskPermissions.TASK_WORK.getValue() | Permissions.READ.getValue()).update();
        // one per user (its own profile) and one per unit group (its members read the group)
        jdbc.sql("""
                insert into act_ru_authorization (id_, rev_, type_, user_id_, resource_type_, resource_id_, perms_)
                select 'seed-a-u' || i, 1, 1, 'seed-user-' || i, 1, 'seed-user-' || i, 2147483647
                from generate_series(1, :n) i""").param("n", 5_000).update();
        jdbc.sql("""
                insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                select 'seed-a-g' || i, 1, 1, 'seed-unit-' || i, 2, 'seed-unit-' || i, 2
                from generate_series(1, :n) i""").param("n", UNITS).update();
        jdbc.sql("analyze act_ru_authorization").update();
        jdbc.sql("analyze act_ru_task").update();
    }

    @AfterEach
    void unseed() {
        jdbc.sql("delete from act_ru_authorization where id_ like 'seed-a-%'").update();
        jdbc.sql("delete from act_ru_task where id_ like 'seed-task-%'").update();
        jdbc.sql("drop index if exists cw_idx_auth_type").update();
    }

    @Test
    void noAuthorizationStatementTheEngineStillRunsUsesTheTypeIndex() throws IOException {
        StringBuilder report = new StringBuilder();
        jdbc.sql("drop index if exists cw_idx_auth_type").update();
        Map<String, List<String>> without = plans();
        jdbc.sql("create index cw_idx_auth_type on act_ru_authorization (type_)").update();
        jdbc.sql("analyze act_ru_authorization").update();
        Map<String, List<String>> with = plans();

        for (String name : with.keySet()) {
            report.append("== ").append(name).append(" (without cw_idx_auth_type)\n");
            without.get(name).forEach(l -> report.append(l).append('\n'));
            report.append("== ").append(name).append(" (with cw_idx_auth_type)\n");
            with.get(name).forEach(l -> report.append(l).append('\n'));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/auth-plans.txt"), report);
        System.out.println(report);

        for (String name : List.of("isUserAuthorizedForResource (complete a task)", "selectTaskByQueryCriteria (task list)",
                "selectTaskCountByQueryCriteria (task count)")) {
            assertThat(String.join("\n", with.get(name))).as(name).doesNotContain("cw_idx_auth_type");
        }
        // what the index was for, the revoke question (no longer asked): Camunda's unique indexes lead with TYPE_
        assertThat(String.join("\n", without.get("selectRevokeAuthorization (no longer run)")))
                .contains("Index Cond: (type_ = 2)").doesNotContain("Seq Scan");
    }

    /** Each statement's plan, by name. */
    private Map<String, List<String>> plans() {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Map<String, List<String>> out = new LinkedHashMap<>();
        engine.getIdentityService().setAuthentication(USER, GROUPS);
        try {
            cfg.getCommandExecutorTxRequired().execute(ctx -> {
                var manager = ctx.getAuthorizationManager();
                List<String> groups = manager.filterAuthenticatedGroupIds(GROUPS);

                CompositePermissionCheck complete = manager.newPermissionCheckBuilder().disjunctive()
                        .atomicCheckForResourceId(Resources.TASK, "seed-task-1007", TaskPermissions.TASK_WORK)
                        .atomicCheckForResourceId(Resources.TASK, "seed-task-1007", Permissions.UPDATE)
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, "campaign", TaskPermissions.TASK_WORK)
                        .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, "campaign", Permissions.UPDATE_TASK)
                        .build();
                out.put("isUserAuthorizedForResource (complete a task)", explain(cfg, "isUserAuthorizedForResource",
                        new AuthorizationCheck(USER, groups, complete, false)));

                TaskQueryImpl list = new TaskQueryImpl();
                manager.configureTaskQuery(list);
                list.setFirstResult(0);
                list.setMaxResults(15);
                out.put("selectTaskByQueryCriteria (task list)", explain(cfg, "selectTaskByQueryCriteria", list));
                TaskQueryImpl count = new TaskQueryImpl();
                manager.configureTaskQuery(count);
                out.put("selectTaskCountByQueryCriteria (task count)",
                        explain(cfg, "selectTaskCountByQueryCriteria", count));

                Map<String, Object> revoke = new java.util.HashMap<>();
                revoke.put("userId", USER);
                revoke.put("authGroupIds", groups);
                out.put("selectRevokeAuthorization (no longer run)", explain(cfg, "selectRevokeAuthorization", revoke));
                out.put("selectAuthorizedGroupIds (no longer run)", explain(cfg, "selectAuthorizedGroupIds", null));
                return null;
            });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        return out;
    }

    /** The engine's statement as it binds {@code parameter}, planned and run by PostgreSQL. */
    private List<String> explain(ProcessEngineConfigurationImpl cfg, String statement, Object parameter) {
        return EnginePlans.explain(cfg, dataSource, "analyze, buffers, costs off, timing off", statement, parameter);
    }
}
