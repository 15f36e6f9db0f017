package cn.chuangwei.acceptance;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Who reviews a campaign's application, by its level: {@code dmn/acceptance-route.dmn} names the levels of the
 * authorities, and the regions above the town name them. An authority whose office has people in the system (region
 * role COUNTY_OFFICE of that region) does its steps itself; otherwise the town's office records the result the authority
 * gave. The national authority (全国爱卫会) is never in the system.
 */
@Component
class AcceptanceAuthorities {

    private final CampaignRepository campaigns;
    private final Regions regions;
    private final DecisionService decisions;
    private final Texts texts;

    AcceptanceAuthorities(CampaignRepository campaigns, Regions regions, DecisionService decisions, Texts texts) {
        this.campaigns = campaigns;
        this.regions = regions;
        this.decisions = decisions;
        this.texts = texts;
    }

    AcceptanceRoute route(long campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow();
        DmnDecisionRuleResult r = decisions.evaluateDecisionTableByKey("acceptance-route")
                .variables(Variables.createVariables().putValue("campaignLevel", c.level().name()))
                .evaluate().getSingleResult();
        String preliminaryLevel = r.getEntry("preliminaryLevel");
        String reviewLevel = r.getEntry("reviewLevel");
        List<Region> above = regions.withAncestors(c.townId()).stream().skip(1).toList();
        Optional<Region> preliminary = authority(above, preliminaryLevel);
        Optional<Region> review = authority(above, reviewLevel);
        String preliminaryOffice = preliminary.map(this::office).orElse("");
        String reviewOffice = review.map(this::office).orElse("");
        return new AcceptanceRoute(r.getEntry("acceptancePath"), preliminaryLevel, reviewLevel,
                ((Number) r.getEntry("noticeDays")).intValue(), Boolean.TRUE.equals(r.getEntry("submissionWindow")),
                preliminaryOffice, reviewOffice, name(c, preliminary, preliminaryLevel, preliminaryOffice),
                name(c, review, reviewLevel, reviewOffice));
    }

    /**
     * The region of the authority: COUNTY is the nearest county or city above the town; CITY the nearest city (else the
     * nearest region above); PROVINCE the province; NATION none.
     */
    static Optional<Region> authority(List<Region> above, String level) {
        return switch (level) {
            case "COUNTY" -> above.stream().filter(r -> r.level() == Region.Level.COUNTY || r.level() == Region.Level.CITY)
                    .findFirst();
            case "CITY" -> above.stream().filter(r -> r.level() == Region.Level.CITY).findFirst()
                    .or(() -> above.stream().findFirst());
            case "PROVINCE" -> above.stream().filter(r -> r.level() == Region.Level.PROVINCE).findFirst();
            default -> Optional.empty();
        };
    }

    /**
     * The authority of a level for this campaign by name, in the reader's language: the body that names the campaign's
     * kind (创卫: 测试县爱卫会, 全国爱卫会; 创文: the 文明委; 创森: the 绿化委员会).
     */
    String name(long campaignId, String level, java.util.Locale locale) {
        Campaign c = campaigns.find(campaignId).orElseThrow();
        List<Region> above = regions.withAncestors(c.townId()).stream().skip(1).toList();
        return authority(above, level).map(r -> texts.get(key(c, "region"), locale, r.name()))
                .orElseGet(() -> texts.get(key(c, level), locale));
    }

    /** The message key of an authority's wording for the campaign's kind: acceptance.authority.KIND.suffix. */
    private static String key(Campaign c, String suffix) {
        return "acceptance.authority." + c.kind().name() + "." + suffix;
    }

    private String office(Region region) {
        return String.join(",", regions.overseersOf(region));
    }

    private String name(Campaign c, Optional<Region> region, String level, String office) {
        String authority = region.map(r -> texts.zh(key(c, "region"), r.name()))
                .orElseGet(() -> texts.zh(key(c, level)));
        return texts.zh(key(c, office.isEmpty() ? "recorded" : "in-system"), authority);
    }
}
