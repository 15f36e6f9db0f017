package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Phase;
import java.util.List;

/**
 * A ready-made task decomposition table (任务分解表) for a kind and level of campaign, read from
 * {@code templates/*.yaml}. A task's {@code unit} is a role the campaign maps to one of its units;
 * the role {@value #VILLAGES} stands for every village and residents' committee.
 */
public record CampaignTemplate(String id, String name, String nameEn, CampaignKind kind, CampaignLevel level,
                               String standard, List<TemplatePhase> phases) {

    public static final String VILLAGES = "villages";

    public record TemplatePhase(Phase phase, int days, List<TemplateTask> tasks) {
    }

    public record TemplateTask(String title, String target, String unit, int dueDay, boolean critical, String area) {
    }
}
