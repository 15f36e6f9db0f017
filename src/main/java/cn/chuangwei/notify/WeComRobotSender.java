package cn.chuangwei.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * WeCom group robots (群机器人): a markdown message posted to the webhook of a unit's or a campaign's group. The message's
 * address is the id of its {@code group_robot} row; the webhook is read when the message goes, so a robot whose webhook
 * the office changed sends to the new one, and a robot removed parks its messages. The webhook's key is never in a log
 * or a reason: the robot is named by its id and name.
 */
@Component
class WeComRobotSender implements ChannelSender {

    /** WeCom's limit for a markdown message's content, in UTF-8 bytes. */
    static final int MAX_BYTES = 4096;

    private final GroupRobots robots;
    private final RestClient http;

    WeComRobotSender(GroupRobots robots, RestClient.Builder builder, WeComSettings settings) {
        this.robots = robots;
        this.http = WeComCall.client(builder, settings);
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_ROBOT;
    }

    /** Always: each group's robot is set in the browser, and a message exists only for a robot that was set. */
    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void send(OutboxMessage message) throws DeliveryFailure {
        long id;
        try {
            id = Long.parseLong(message.address());
        } catch (NumberFormatException e) {
            throw DeliveryFailure.park("WeCom robot: the address is no robot's id");
        }
        GroupRobots.Robot robot = robots.find(id)
                .orElseThrow(() -> DeliveryFailure.park("WeCom robot " + id + " was removed"));
        String what = "robot " + id + " " + robot.name();
        if (robot.channel() != Channel.WECOM_ROBOT) {
            throw DeliveryFailure.park("WeCom " + what + " is not a WeCom group robot");
        }
        URI webhook;
        try {
            webhook = URI.create(robot.webhook() == null ? "" : robot.webhook().strip());
        } catch (IllegalArgumentException e) {
            throw DeliveryFailure.park("WeCom " + what + ": the webhook is not an address");
        }
        if (!"https".equals(webhook.getScheme()) && !"http".equals(webhook.getScheme())) {
            throw DeliveryFailure.park("WeCom " + what + ": the webhook is not an http(s) address");
        }
        String content = Utf8.cut("**" + message.subject() + "**\n\n" + message.body(), MAX_BYTES);
        Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("content", content));
        JsonNode answer = WeComCall.run(what, () -> http.post().uri(webhook)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        int code = answer.get("errcode").asInt();
        if (code != 0) {
            throw WeComCodes.failure(what, code, answer.path("errmsg").asText(""));
        }
    }
}
