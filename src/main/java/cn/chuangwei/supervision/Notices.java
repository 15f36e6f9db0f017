package cn.chuangwei.supervision;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignMember;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.MemberRole;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.task.TaskRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What supervision mails say about a task, and who the ladder's roles (UNIT_HEAD, DEPUTY, …) are for a task. */
@Component
public class Notices {

    private final CampaignRepository campaigns;
    private final Texts texts;
    private final String baseUrl;

    Notices(CampaignRepository campaigns, Texts texts, @Value("${chuangwei.base-url}") String baseUrl) {
        this.campaigns = campaigns;
        this.texts = texts;
        this.baseUrl = baseUrl;
    }

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }

    /** The values every task mail can use, in the recipient's language. */
    public Map<String, String> taskValues(TaskRow row, String localeTag) {
        Locale locale = locale(localeTag);
        Campaign c = campaigns.find(row.campaignId()).orElseThrow();
        CampaignUnit unit = campaigns.unit(row.campaignId(), row.unitCode()).orElseThrow();
        Map<String, String> v = new HashMap<>();
        v.put("campaignName", c.name());
        v.put("phaseName", texts.get("phase." + row.phase().name(), locale));
        v.put("unitName", unit.name());
        v.put("taskTitle", row.title());
        v.put("taskTarget", row.target() == null ? "" : row.target());
        v.put("deadline", row.deadline().toString());
        v.put("link", tasklistLink());
        return v;
    }

    public String tasklistLink() {
        return baseUrl + "/camunda/app/tasklist/";
    }

    /** The people behind the ladder's roles for a task. */
    public List<String> people(TaskRow row, String roles) {
        Set<String> ids = new LinkedHashSet<>();
        if (roles == null || roles.isBlank()) {
            return List.of();
        }
        CampaignUnit unit = campaigns.unit(row.campaignId(), row.unitCode()).orElseThrow();
        List<CampaignMember> members = campaigns.members(row.campaignId());
        String leader = campaigns.leader(row.campaignId()).orElse(null);
        for (String role : roles.split(",")) {
            switch (role.trim()) {
                case "UNIT_HEAD" -> {
                    ids.add(row.personUserId());
                    ids.add(unit.headUserId());
                }
                case "DEPUTY" -> ids.add(unit.deputyUserId() != null ? unit.deputyUserId() : leader);
                case "LEADER" -> ids.add(leader);
                case "OFFICE" -> members.stream().filter(m -> m.role() == MemberRole.OFFICE)
                        .forEach(m -> ids.add(m.userId()));
                case "SUPERVISORS" -> members.stream().filter(m -> m.role() == MemberRole.SUPERVISOR)
                        .forEach(m -> ids.add(m.userId()));
                case "LEADING_GROUP" -> ids.addAll(campaigns.gateSigners(row.campaignId()));
                default -> throw new IllegalStateException("unknown role in the escalation ladder: " + role);
            }
        }
        ids.remove(null);
        return new ArrayList<>(ids);
    }

    /** The person who holds an interview: the deputy in charge of the unit, or the leader. */
    public String interviewer(TaskRow row, String who) {
        if (who == null || who.isBlank()) {
            return null;
        }
        String leader = campaigns.leader(row.campaignId()).orElse(null);
        if ("LEADER".equals(who)) {
            return leader;
        }
        CampaignUnit unit = campaigns.unit(row.campaignId(), row.unitCode()).orElseThrow();
        return unit.deputyUserId() != null ? unit.deputyUserId() : leader;
    }
}
