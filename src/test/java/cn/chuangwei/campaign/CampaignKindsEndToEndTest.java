package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 创文 and a 创森 campaign run from their templates end to end, as the 创卫 one does ({@link CampaignScenario}): their
 * own units, standard and kind. The forest city's office sets the forest cover its terrain calls for (丘陵, 40 %) as the
 * campaign's threshold: a reading of 45 % passes, which the standard's default (山区, 60 %) would fail.
 */
@H2Test
class CampaignKindsEndToEndTest extends CampaignScenario {

    private boolean hillyTown;

    @AfterEach
    void resetClock() {
        clock.reset();
        ownReadings.clear();
        hillyTown = false;
    }

    @Test
    void aCivilizedCityCampaignRunsFromItsTemplate() {
        runWholeCampaign(Fixture.Kind.CIVILIZED_CITY);
        assertThat(standard.get("code").asText()).isEqualTo("civilized-city-town");
        JsonNode campaign = as(f.office).get("/api/campaigns/" + id).json();
        assertThat(campaign.get("level").asText()).as("the city accepts a town's share").isEqualTo("MUNICIPAL");
        assertThat(campaign.get("template").asText()).isEqualTo("civilized-city");
        assertThat(reviewAuthority()).as("the city's 文明委 accepts, not its 爱卫会").contains("市文明委")
                .doesNotContain("爱卫");
    }

    @Test
    void aForestCityCampaignRunsFromItsTemplateWithTheForestCoverOfItsTerrain() {
        hillyTown = true;
        ownReadings.put("FOREST_COVER", "45");
        runWholeCampaign(Fixture.Kind.FOREST_CITY);
        assertThat(standard.get("code").asText()).isEqualTo("forest-city-town");
        assertThat(reviewAuthority()).contains("绿化委员会").doesNotContain("爱卫");
    }

    /** The reviewing authority as the campaign's acceptance named it in its forms. */
    private String reviewAuthority() {
        String acceptance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id)
                .processDefinitionKey("acceptance").singleResult().getId();
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(acceptance)
                .variableName("reviewAuthority").singleResult().getValue();
    }

    @Override
    void afterSetUp() {
        if (!hillyTown) {
            return;
        }
        JsonNode cover = forestCover();
        assertThat(cover.get("threshold").decimalValue()).as("the standard's default: 山区").isEqualByComparingTo("60");
        Reply set = as(f.office).put("/api/campaigns/" + id + "/thresholds/FOREST_COVER", Map.of("threshold", 40));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(forestCover().get("threshold").decimalValue()).isEqualByComparingTo("40");
    }

    private JsonNode forestCover() {
        for (JsonNode i : as(f.office).get("/api/campaigns/" + id + "/thresholds").json()) {
            if ("FOREST_COVER".equals(i.get("code").asText())) {
                return i;
            }
        }
        throw new AssertionError("no FOREST_COVER among the campaign's thresholds");
    }
}
