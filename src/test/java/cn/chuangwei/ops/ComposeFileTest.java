package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The production compose file: both nodes get the same settings, the SMTP variables bind to Spring's mail settings
 * under the names the file passes, nothing falls back to the mail catcher, the proxy reaches both nodes with the
 * X-Forwarded-* headers, and {@code docker-compose config} accepts the file (Debian's docker-compose, which
 * {@code .ci/run} installs: skipped without it on a developer's machine, a failure in CI).
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    /** What an operator must set; nothing else is needed for {@code docker-compose config}. */
    private static final Map<String, String> REQUIRED = Map.of("CHUANGWEI_DB_PASSWORD", "db-secret",
            "CHUANGWEI_ADMIN_PASSWORD", "admin-secret", "CHUANGWEI_BASE_URL", "https://chuangwei.example.org",
            "SPRING_MAIL_HOST", "smtp.example.org");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        return (Map<String, Object>) new Yaml().<Map<String, Object>>load(Files.readString(COMPOSE)).get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) services().get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) throws IOException {
        return (Map<String, String>) service(service).get("environment");
    }

    @Test
    void bothNodesRunThePostgresProfileWithTheRequiredSettingsAndNoMailCatcherByDefault() throws IOException {
        Map<String, String> app = environment("app");
        assertThat(environment("app2")).isEqualTo(app);
        assertThat(app).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        REQUIRED.keySet().forEach(name -> assertThat(app.get(name)).as(name).startsWith("${" + name + ":?"));
        assertThat(app.values()).noneMatch(v -> v.contains("mailpit"));
        assertThat(service("mailpit").get("profiles")).isEqualTo(List.of("demo"));
        assertThat(service("app")).containsKey("build").containsKey("healthcheck").containsKey("mem_limit");
        assertThat(service("app2")).doesNotContainKey("build");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
    }

    @Test
    void theMailVariablesBindToSpringsMailSettings() throws IOException {
        Map<String, Object> env = new HashMap<>();
        environment("app").keySet().forEach(name -> env.put(name, "x"));
        env.putAll(Map.of("SPRING_MAIL_HOST", "smtp.example.org", "SPRING_MAIL_PORT", "587",
                "SPRING_MAIL_USERNAME", "chuangwei", "SPRING_MAIL_PASSWORD", "mail-secret",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true"));
        // as the container's environment: Spring maps its names (SPRING_MAIL_PROPERTIES_…) under this source's name
        StandardEnvironment environment = new StandardEnvironment();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, env));
        MailProperties mail = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bind("spring.mail", MailProperties.class).get();
        assertThat(mail.getHost()).isEqualTo("smtp.example.org");
        assertThat(mail.getPort()).isEqualTo(587);
        assertThat(mail.getUsername()).isEqualTo("chuangwei");
        assertThat(mail.getPassword()).isEqualTo("mail-secret");
        assertThat(mail.getProperties()).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void theProxySpreadsOverBothNodesAndSaysWhereUsersAre() throws IOException {
        assertThat(service("proxy").get("volumes").toString()).contains("./deploy/nginx.conf:");
        assertThat(Files.readString(Path.of("deploy/nginx.conf"))).contains("server app:8080", "server app2:8080",
                "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port").doesNotContain("ip_hash");
    }

    @Test
    void dockerComposeAcceptsTheFileAndRefusesItWithoutAnSmtpHost() throws IOException, InterruptedException {
        if (!new File("/usr/bin/docker-compose").canExecute()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("docker-compose is required in CI: apt-get install -y docker-compose");
            }
            Assumptions.abort("docker-compose is not installed");
        }
        assertThat(config(REQUIRED)).isZero();
        Map<String, String> noSmtp = new HashMap<>(REQUIRED);
        noSmtp.remove("SPRING_MAIL_HOST");
        assertThat(config(noSmtp)).as("no silent default for the SMTP host").isNotZero();
    }

    /** {@code docker-compose config -q} with only these variables set: its exit code. */
    private static int config(Map<String, String> variables) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().keySet().removeIf(k -> k.startsWith("CHUANGWEI_") || k.startsWith("SPRING_"));
        command.environment().putAll(variables);
        return command.start().waitFor();
    }
}
