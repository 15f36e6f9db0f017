package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Phase;
import java.util.List;

/**
 * A ready-made task decomposition table (任务分解表) for a kind and level of campaign, read from
 * {@code templates/*.yaml}. A task's {@code unit} is a role the campaign maps to one of its units;
 * the role {@value #VILLAGES} stands for every village and residents' committee.
 *
 * <p>Time is counted in <b>working days</b> of the working-day calendar (法定节假日 off, 调休上班 on), as
 * {@link TemplateDates} lays it out: a phase's {@code days} is its length in working days (it starts and ends on a
 * working day, the next phase on the working day after), and a task's {@code dueDay} is the working day of its phase it
 * is due on, 1 to {@code days} (1: the phase's first working day). Calendar days appear nowhere.
 */
public record CampaignTemplate(String id, String name, String nameEn, CampaignKind kind, CampaignLevel level,
                               String standard, List<TemplatePhase> phases) {

    public static final String VILLAGES = "villages";

    /** The template's name in the reader's language: English when asked for, else the Chinese. */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }

    /** A phase of {@code days} working days and its tasks. */
    public record TemplatePhase(Phase phase, int days, List<TemplateTask> tasks) {
    }

    /** A task due on its phase's {@code dueDay}-th working day. */
    public record TemplateTask(String title, String target, String unit, int dueDay, boolean critical, String area) {
    }
}
