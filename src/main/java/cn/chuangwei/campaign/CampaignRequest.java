package cn.chuangwei.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/campaigns}: a campaign with its leading group, office, supervisors, units, phase dates and tasks.
 * With a {@code template} and a {@code startDate} the phases and the task decomposition table come from the template.
 * Enumerations are strings so that a wrong value is refused by name.
 */
public record CampaignRequest(String name, String town, String kind, String level, String template, String standard,
                              LocalDate startDate, List<PhaseDates> phases, LeadingGroup leadingGroup, List<String> office,
                              List<String> supervisors, List<UnitRequest> units, List<TaskRequest> tasks, Boolean draft) {

    public record PhaseDates(String phase, LocalDate startDate, LocalDate endDate) {
    }

    public record LeadingGroup(String leader, List<String> deputies, List<String> members) {
    }

    /** A responsible unit; {@code roles} name the template roles it takes (e.g. health-center, sanitation). */
    public record UnitRequest(String code, String name, String type, String head, String deputy, List<String> roles) {
    }

    public record TaskRequest(String phase, String title, String target, String unit, String person, String deadline,
                              Boolean critical, String area) {
    }
}
