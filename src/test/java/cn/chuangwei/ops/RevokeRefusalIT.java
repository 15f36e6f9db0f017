package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.ChuangweiApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application does not start while a revoking authorization is stored (revokes are never checked, so it would not
 * take effect), and names it in Chinese and English; it starts again once the authorization is deleted.
 */
class RevokeRefusalIT {

    private static final String URL = "jdbc:h2:mem:revoke-refusal;DB_CLOSE_DELAY=-1";

    private static ConfigurableApplicationContext start() {
        // an engine of its own name (no hyphen): Camunda keeps a static registry of engines
        return new SpringApplicationBuilder(ChuangweiApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + URL,
                "--camunda.bpm.process-engine-name=revokerefusal");
    }

    @Test
    void aStoredRevokeStopsTheStartUntilItIsDeleted() throws SQLException {
        try (ConfigurableApplicationContext first = start()) {
            // as an older version or a hand-made row left it: past the manager that refuses new ones
            first.getBean(JdbcClient.class).sql("""
                    insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                    values ('revoke-left-behind', 1, 2, 'camunda-admin', 7, '*', 2)""").update();
        }
        assertThatThrownBy(() -> start().close())
                .hasStackTraceContaining("拒绝启动").hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("revoke-left-behind").hasStackTraceContaining("group camunda-admin");

        // the operator deletes it (here straight in the database the refused start left as it was)
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("delete from act_ru_authorization where type_ = 2")).isEqualTo(1);
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.isRunning()).isTrue();
        }
    }
}
