package cn.chuangwei;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default keeps its data in an H2 file: a restart finds the demo campaigns and their running processes, and
 * deploys no new versions of unchanged models.
 */
class RestartIT {

    record Snapshot(long definitions, long decisions, long campaigns, long runningProcesses) {
    }

    @Test
    void aRestartKeepsCampaignsAndProcessesAndDeploysNoNewVersions() throws Exception {
        Path dir = Files.createTempDirectory("chuangwei-restart");
        Snapshot first = runOnce(dir);
        Snapshot second = runOnce(dir);
        assertThat(first.campaigns()).as("the 创卫 demo campaign and one each of 创文 and 创森").isEqualTo(3);
        assertThat(first.runningProcesses()).isGreaterThanOrEqualTo(1);
        assertThat(first.definitions()).as("one process per file of bpmn/").isEqualTo(files("bpmn", ".bpmn"));
        assertThat(first.decisions()).as("one decision per file of dmn/").isEqualTo(files("dmn", ".dmn"));
        assertThat(second).isEqualTo(first);
    }

    private static long files(String folder, String ending) throws java.io.IOException {
        try (var list = Files.list(Path.of(folder))) {
            return list.filter(p -> p.toString().endsWith(ending)).count();
        }
    }

    private static Snapshot runOnce(Path dir) {
        // A named engine of its own: Camunda keeps a static registry of engines, shared with the other test contexts.
        // Command-line arguments: they take precedence over application.yaml.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChuangweiApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.process-engine-name=restart", "--camunda.bpm.job-execution.enabled=false",
                        "--chuangwei.demo.enabled=true")) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            return new Snapshot(repository.createProcessDefinitionQuery().count(),
                    repository.createDecisionDefinitionQuery().count(),
                    app.getBean(JdbcClient.class).sql("select count(*) from campaign").query(Long.class).single(),
                    app.getBean(RuntimeService.class).createProcessInstanceQuery().count());
        }
    }
}
