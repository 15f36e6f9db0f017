package cn.chuangwei.fuzz;

import cn.chuangwei.org.Regions;
import cn.chuangwei.support.TestClock;
import net.jqwik.api.lifecycle.AfterProperty;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Properties against the {@link FuzzWorld}: the shared application at the world's time, and the {@link Refusals} that
 * check every refused request left the database as it was.
 */
abstract class FuzzWorldProperties extends SpringProperties {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Regions regions;

    FuzzWorld w;
    Refusals refusals;

    @Override
    void prepare() {
        w = FuzzWorld.get(port, identity, management, clock, regions);
        clock.set(FuzzWorld.NOW);
        refusals = new Refusals(jdbc);
    }

    @AfterProperty
    void resetClock() {
        clock.reset();
    }
}
