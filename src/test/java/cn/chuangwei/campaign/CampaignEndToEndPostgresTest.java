package cn.chuangwei.campaign;

import cn.chuangwei.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class CampaignEndToEndPostgresTest extends CampaignScenario {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void wholeCampaignThroughTheRestApiOnPostgres() {
        runWholeCampaign();
    }
}
