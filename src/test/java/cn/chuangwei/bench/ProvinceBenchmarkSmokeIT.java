package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The province-scale benchmark at a tiny scale, in every CI run, so that it cannot rot: the same code seeds, drives
 * the three variants in JVMs of their own, runs the readers under load, lets the bursts fall due on one, two and three
 * node JVMs, and writes the table. Its figures are not judged here (a benchmark's targets are not a test's); that each
 * was measured, and the work was done once and completely, is.
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
        for (String variant : new String[] {"bare engine without authorizations: patrol cases",
                "bare engine with authorizations: patrol cases", "application: patrol cases"}) {
            assertThat(r.row(variant).value()).as(variant).isPositive();
        }
        assertThat(r.row("application / bare engine with authorizations").value()).isPositive();
        // one node without a quota, then one, two and three nodes in the scale-out: each burst's figures
        for (String figure : new String[] {": deadlines falling due", ": mails handed", ": SQL statements per escalation",
                ": node CPU per escalation", ": escalations per second"}) {
            assertThat(r.rowsWith(figure)).as(figure).hasSize(4).allSatisfy(row -> assertThat(row.value()).isPositive());
        }
        assertThat(r.rowsWith(": deadlines falling due")).allSatisfy(row ->
                assertThat(row.value()).isEqualTo(scale.liveTasks()));
        assertThat(r.rowsWith(": mails handed")).allSatisfy(row ->
                assertThat(row.value()).isGreaterThanOrEqualTo(scale.liveTasks()));
        assertThat(r.row("3 nodes / 1 node").value()).isPositive();
        for (String query : new String[] {ProvinceBenchmark.TASK_LIST, ProvinceBenchmark.AUDIT, ProvinceBenchmark.BOARD,
                ProvinceBenchmark.INDICATORS}) {
            assertThat(r.row("16 readers: " + query).value()).as(query).isPositive();
            assertThat(r.row("16 readers: " + query + " errors").value()).as(query).isZero();
        }
        assertThat(r.row("cold start of a node JVM").value()).isPositive();
        assertThat(r.row("heap live after collection").value()).isPositive();
        assertThat(r.row("failed jobs").value()).isZero();
        assertThat(r.row("mails not delivered").value()).isZero();
        assertThat(Files.readString(md)).contains("| scale-out | 3 nodes / 1 node |", "## Machine and settings");
        assertThat(Files.readString(md.resolveSibling("latest-smoke.csv")))
                .startsWith("section,measure,value,unit,target,result,runs\n");
    }
}
