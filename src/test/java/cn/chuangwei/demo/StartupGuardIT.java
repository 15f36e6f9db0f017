package cn.chuangwei.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.demo.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside the demo the application does not start while a known demo password opens it: not with the demo's
 * administrator password, not while a demo login keeps its password; it starts once they are changed. Nor while the
 * links in its mails would point at localhost.
 */
class StartupGuardIT {

    private static ConfigurableApplicationContext start(String db, boolean demo, String adminPassword, String... more) {
        // An engine of its own name (no hyphen: Camunda ignores such names): Camunda keeps a static registry of
        // engines, shared with the other test contexts.
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.process-engine-name=" + db.replace("-", ""), "--chuangwei.demo.enabled=" + demo,
                "--camunda.bpm.admin-user.password=" + adminPassword));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ChuangweiApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void linksToLocalhostAreRefusedOutsideTheDemo() {
        assertThatThrownBy(() -> start("guard-url", false, "a-real-admin-secret-3c",
                "--chuangwei.base-url=http://localhost:8080").close())
                .hasStackTraceContaining("拒绝启动").hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("chuangwei.base-url").hasStackTraceContaining("http://localhost:8080");
        // (the demo keeps its localhost default: RestartIT starts it)
    }

    @Test
    void theDemoAdministratorPasswordIsRefusedOutsideTheDemo() {
        assertThatThrownBy(() -> start("guard-admin", false, "chuangwei").close())
                .hasStackTraceContaining("拒绝启动").hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("admin");
    }

    @Test
    void aDemoLoginWithItsPasswordIsRefusedUntilItIsChanged() {
        try (ConfigurableApplicationContext demo = start("guard-demo", true, "demo-only-admin-9f")) {
            assertThat(demo.getBean(IdentityService.class).checkPassword("liuzr", DemoData.PASSWORD)).isTrue();
        }
        assertThatThrownBy(() -> start("guard-demo", false, "a-real-admin-secret-3c").close())
                .hasStackTraceContaining("liuzr").hasStackTraceContaining("head-wsy");

        // the operator changes every demo password (here: in a demo run, where the guard does not apply)
        try (ConfigurableApplicationContext demo = start("guard-demo", true, "demo-only-admin-9f")) {
            IdentityService identity = demo.getBean(IdentityService.class);
            for (String id : StartupGuard.demoLogins()) {
                User u = identity.createUserQuery().userId(id).singleResult();
                u.setPassword("changed-" + UUID.randomUUID());
                identity.saveUser(u);
            }
        }
        try (ConfigurableApplicationContext production = start("guard-demo", false, "a-real-admin-secret-3c")) {
            assertThat(production.isRunning()).isTrue();
            // the guard tried the demo passwords without counting them as failed sign-ins (no delay, no lock)
            assertThat(production.getBean(JdbcClient.class).sql("select count(*) from act_id_user where attempts_ > 0")
                    .query(Long.class).single()).isZero();
        }
    }
}
