package cn.chuangwei.bench;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.patrol.CaseService;
import cn.chuangwei.support.Fixture;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A few towns' campaigns seeded through the application, as the province benchmark seeds its own (each town with its
 * people, a running campaign and a grid patrolled by its first supervisor): the towns a throughput run drives cases in.
 */
final class Seed {

    private Seed() {
    }

    /** Seeds the campaigns, starting on the day given, each with a couple of the running phase's tasks. */
    static List<AppCases.Town> towns(ConfigurableApplicationContext node, int campaigns, LocalDate start) {
        IdentityService identity = node.getBean(IdentityService.class);
        CampaignSetupService setup = node.getBean(CampaignSetupService.class);
        CaseService cases = node.getBean(CaseService.class);
        AppCases signIn = new AppCases(node, List.of());
        List<AppCases.Town> towns = new ArrayList<>();
        for (int c = 0; c < campaigns; c++) {
            Fixture f = new Fixture(identity);
            List<TaskRequest> rows = List.of(
                    new TaskRequest("MOBILIZATION", "宣传发动任务", "按方案完成", f.unit("cgzx"), null,
                            start.plusDays(4).toString(), false, null));
            long id = setup.create(f.small(start, rows, false), f.office);
            signIn.as(f.office, () -> cases.saveGrids(id, List.of(new CaseService.Grid("G1", "第一网格",
                    f.supervisors.get(0)))));
            towns.add(new AppCases.Town(id, f.supervisors.get(0), f.office, f.unit("cgzx"), f.head("cgzx")));
        }
        // the campaign's process gives its people their groups (campaign.SyncGroupsDelegate, a job): wait for them
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!towns.stream().allMatch(t -> member(identity, t.inspector(), Groups.SUPERVISORS)
                && member(identity, t.office(), Groups.OFFICE) && member(identity, t.head(), "unit-" + t.unitCode()))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the towns' people have not got their groups within 2 minutes");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return towns;
    }

    private static boolean member(IdentityService identity, String user, String group) {
        return identity.createUserQuery().userId(user).memberOfGroup(group).count() == 1;
    }
}
