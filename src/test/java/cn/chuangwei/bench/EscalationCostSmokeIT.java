package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link EscalationCost} at a tiny size in every CI run, so that the measuring tool cannot rot. */
class EscalationCostSmokeIT {

    @Test
    void measuresABurstOfEscalations() throws Exception {
        EscalationCost.Cost cost = new EscalationCost(2, 3, "smoke").run();
        Path md = EscalationCost.write(cost, Path.of("target", "escalation-cost"));

        assertThat(cost.escalations()).isEqualTo(6);
        assertThat(cost.mails()).isGreaterThanOrEqualTo(6);
        assertThat(cost.statements()).isGreaterThan(6);
        assertThat(cost.top()).isNotEmpty().allSatisfy(r -> assertThat(r.query()).doesNotContain(Statements.MARK));
        assertThat(cost.nodeCpuMs()).isPositive();
        assertThat(cost.databaseCpuMs()).isPositive();
        assertThat(Files.readString(md)).contains("| SQL statements per escalation |", "insert into");
    }
}
