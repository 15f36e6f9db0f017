package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The province-scale benchmark at a tiny scale, in every CI run, so that it cannot rot: the same code seeds, drives
 * both engines, lets both bursts fall due, times the queries and writes the table. Its figures are not judged here
 * (a benchmark's targets are not a test's); that each was measured, and the work was done once and completely, is.
 */
class ProvinceBenchmarkSmokeIT {

    @Test
    void theBenchmarkRunsEndToEndAtATinyScale() throws Exception {
        Scale scale = Scale.SMOKE;
        Results r = new ProvinceBenchmark(scale).run();
        Path md = r.write(Path.of("target", "bench-smoke"));

        assertThat(r.row("campaigns seeded").value()).isEqualTo(scale.campaigns());
        assertThat(r.row("decomposed tasks").value()).isEqualTo(scale.campaigns() * scale.rowsPerCampaign());
        assertThat(r.row("running tasks live").value()).isEqualTo(scale.campaigns() * scale.liveTasks());
        assertThat(r.row("patrol cases").value()).isGreaterThanOrEqualTo(scale.historicCases());
        assertThat(r.row("historic task rows").value()).isGreaterThanOrEqualTo(scale.historicTasks());
        assertThat(r.row("bare engine: patrol cases").value()).isPositive();
        assertThat(r.row("application: patrol cases").value()).isPositive();
        for (String nodes : new String[] {"one node", "two nodes"}) {
            assertThat(r.row(nodes + ": deadlines falling due").value()).as(nodes).isEqualTo(scale.burst());
            assertThat(r.row(nodes + ": mails handed").value()).as(nodes).isGreaterThanOrEqualTo(scale.burst());
            assertThat(r.row(nodes + ": escalations per second").value()).as(nodes).isPositive();
        }
        for (String query : new String[] {"supervisors' overdue audit", "a unit head's task list", "command board data",
                "board's patrol indicators", "monthly assessment"}) {
            assertThat(r.row(query).value()).as(query).isPositive();
        }
        assertThat(r.row("heap live after collection").value()).isPositive();
        assertThat(r.row("failed jobs").value()).isZero();
        assertThat(r.row("mails not delivered").value()).isZero();
        assertThat(Files.readString(md)).contains("| burst | two nodes / one node |", "## Machine and settings");
        assertThat(Files.readString(md.resolveSibling("latest-smoke.csv"))).startsWith("section,measure,value,unit,target,result\n");
    }
}
