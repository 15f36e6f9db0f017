package cn.chuangwei.bench;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.support.TestClock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node of the application as the benchmark runs it: on the benchmark's database, with the benchmark's clock, SMTP on
 * its GreenMail and otherwise the settings of {@code application.yaml}. Used in the JVM that hosts the node, whether a
 * {@link BenchNode} of its own or a throughput run's.
 */
final class AppNode {

    private AppNode() {
    }

    /**
     * The node's settings. Each node has a host name of its own, which the engine writes into the job log
     * ({@code act_hi_job_log.hostname_}), so that a burst's work can be counted per node.
     */
    static List<String> args(String jdbcUrl, int smtpPort, String name, boolean webapps, boolean smoke) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.admin-user.password=bench-admin-5f1c",
                "--camunda.bpm.webapp.enabled=" + webapps, "--chuangwei.demo.enabled=false",
                "--chuangwei.base-url=https://chuangwei.example.org",
                // each escalation with its own mail, as the burst has always been measured (the installation's default
                // holds 预警 and 催办 for the daily digest, which would leave the burst without its mails)
                "--chuangwei.notify.reminders=IMMEDIATE",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
                "--logging.level.io.zonky=WARN"));
        if (smoke) {
            // the smoke run cannot wait for an idle job executor to look again; the first wait below the longest, or
            // Camunda's back-off never idles and acquisition spins
            args.add("--camunda.bpm.job-execution.wait-time-in-millis=1000");
            args.add("--camunda.bpm.job-execution.max-wait=2000");
        }
        // for profiling: more settings of the nodes, name=value separated by spaces
        for (String arg : System.getProperty("bench.args", "").trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                args.add("--" + arg);
            }
        }
        return args;
    }

    /** Starts the application in this JVM with the given settings and clock. */
    static ConfigurableApplicationContext start(List<String> args, TestClock clock) {
        return new SpringApplicationBuilder(ChuangweiApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchClock", clock))
                .run(args.toArray(String[]::new));
    }
}
