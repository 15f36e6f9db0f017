package cn.chuangwei.campaign;

import cn.chuangwei.support.H2Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@H2Test
class CampaignEndToEndH2Test extends CampaignScenario {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void wholeCampaignThroughTheRestApi() {
        runWholeCampaign();
    }
}
