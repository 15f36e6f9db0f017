package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The tests' guard: the application's HTTP clients never reach a provider from a test. A group robot saved with
 * DingTalk's real webhook (as the robots page requires) is retried, never called.
 */
@H2Test
class StaysOnTheMachineTest {

    @Autowired
    RestClient.Builder builder;
    @Autowired
    DingTalkRobotSender robotSender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    cn.chuangwei.campaign.CampaignSetupService setup;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Test
    void aProvidersAddressIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> builder.build().post().uri("https://oapi.dingtalk.com/robot/send?access_token=x")
                .body(Map.of("msgtype", "text")).retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class).hasMessageContaining("may not leave the machine");
    }

    @Test
    void aRobotAtItsRealAddressIsTriedAgainLaterNotCalled() {
        Fixture f = new Fixture(identity);
        long campaign = setup.create(f.small(java.time.LocalDate.of(2027, 3, 1), java.util.List.of(), true), f.office);
        clock.set(LocalDateTime.of(2027, 3, 2, 10, 0));
        long robot = jdbc.sql("""
                insert into group_robot (campaign_id, unit_code, channel, name, webhook, secret, updated_by, updated_at)
                values (:c, null, 'DINGTALK_ROBOT', '测试群', 'https://oapi.dingtalk.com/robot/send?access_token=abc',
                        'SEC123', 'test', current_timestamp)""").param("c", campaign).update() > 0
                ? jdbc.sql("select max(id) from group_robot").query(Long.class).single() : 0;
        try {
            DeliveryFailure failure = org.assertj.core.api.Assertions.catchThrowableOfType(DeliveryFailure.class,
                    () -> robotSender.send(new OutboxMessage(1, "k", Channel.DINGTALK_ROBOT, String.valueOf(robot),
                            "zh-CN", "通报", "正文", "ESCALATION", Map.of(), "CIRCULAR", 0)));
            assertThat(failure).isNotNull();
            assertThat(failure.permanent()).isFalse();
        } finally {
            jdbc.sql("delete from group_robot where id = :id").param("id", robot).update();
            clock.reset();
        }
    }
}
