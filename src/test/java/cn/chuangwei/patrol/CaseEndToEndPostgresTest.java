package cn.chuangwei.patrol;

import cn.chuangwei.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@PostgresTest
class CaseEndToEndPostgresTest extends CaseScenario {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void casesThroughTheRestApiOnPostgres() {
        run();
    }
}
