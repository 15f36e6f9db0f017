package cn.chuangwei.patrol;

import cn.chuangwei.support.H2Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@H2Test
class CaseEndToEndH2Test extends CaseScenario {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void casesThroughTheRestApi() {
        run();
    }
}
