package cn.chuangwei.notify;

import cn.chuangwei.notify.DingTalkHttp.Answer;
import cn.chuangwei.notify.DingTalkHttp.Code;
import cn.chuangwei.notify.GroupRobots.Robot;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A DingTalk group's custom robot (钉钉自定义机器人): the address is the id of its {@code group_robot} row, which holds
 * the webhook ({@code https://oapi.dingtalk.com/robot/send?access_token=…}) and, when the robot's security setting is
 * 加签, its secret ({@code SEC…}). A signed call appends {@code &timestamp=…&sign=…}: the current time in milliseconds
 * and the Base64 of HmacSHA256 over {@code timestamp + "\n" + secret} keyed with the secret, URL-encoded. The message is
 * markdown. DingTalk's errcodes are mapped to retry or park in {@link #CODES}; neither the webhook's token nor the secret
 * nor the signature ever appears in a reason.
 */
@Component
class DingTalkRobotSender implements ChannelSender {

    private static final String WHAT = "钉钉群机器人";
    private static final String HMAC = "HmacSHA256";

    /** The custom robot's errcodes: retry later or park, with DingTalk's words. */
    static final Map<Integer, Code> CODES = Map.ofEntries(
            Map.entry(-1, Code.retry("系统繁忙")),
            Map.entry(130101, Code.retry("send too fast（发送太快，每分钟最多20条）")),
            Map.entry(410100, Code.retry("发送速度太快而限流")),
            Map.entry(310000, Code.park("消息校验未通过（关键词、加签或IP地址不符）")),
            Map.entry(300001, Code.park("token is not exist（机器人的access_token不存在）")),
            Map.entry(400013, Code.park("群已被解散")),
            Map.entry(400101, Code.park("access_token不存在")),
            Map.entry(400102, Code.park("机器人已停用")),
            Map.entry(400105, Code.park("不支持的消息类型")),
            Map.entry(400106, Code.park("机器人不存在")),
            Map.entry(430101, Code.park("含有不安全的外链")),
            Map.entry(430102, Code.park("含有不合适的文本")),
            Map.entry(430103, Code.park("含有不合适的图片")),
            Map.entry(430104, Code.park("含有不合适的内容")));

    private final DingTalkHttp http;
    private final GroupRobots robots;
    private final Clock clock;

    DingTalkRobotSender(DingTalkHttp http, GroupRobots robots, Clock clock) {
        this.http = http;
        this.robots = robots;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.DINGTALK_ROBOT;
    }

    /** Always: each robot brings its own webhook and secret. */
    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void send(OutboxMessage message) throws DeliveryFailure {
        Robot robot = robot(message.address());
        String token = tokenOf(robot.webhook());
        String secret = robot.secret() == null ? "" : robot.secret().strip();
        String sign = "";
        String url = robot.webhook().strip();
        if (!secret.isEmpty()) {
            long timestamp = clock.millis();
            sign = sign(timestamp, secret);
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        }
        Answer answer = http.post(uri(url, robot), DingTalkHttp.markdown(message.subject(), message.body()), WHAT);
        if (answer.errcode() != 0) {
            throw DingTalkHttp.failure(CODES, WHAT, answer, token, secret, sign, robot.webhook());
        }
    }

    private Robot robot(String address) throws DeliveryFailure {
        Optional<Robot> robot;
        try {
            robot = robots.find(Long.parseLong(address == null ? "" : address.strip()));
        } catch (NumberFormatException e) {
            throw DeliveryFailure.park(WHAT + "：地址不是群机器人的编号");
        }
        Robot r = robot.orElseThrow(() -> DeliveryFailure.park(WHAT + "：机器人已被删除（编号 " + address.strip() + "）"));
        if (r.channel() != Channel.DINGTALK_ROBOT) {
            throw DeliveryFailure.park(WHAT + "：编号 " + r.id() + " 不是钉钉机器人");
        }
        return r;
    }

    private static URI uri(String url, Robot robot) throws DeliveryFailure {
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new URISyntaxException("(webhook)", "not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw DeliveryFailure.park(WHAT + "：机器人（编号 " + robot.id() + "）的Webhook地址无效");
        }
    }

    /** The webhook's access_token (its key), to keep it out of reasons. */
    private static String tokenOf(String webhook) {
        int at = webhook.indexOf("access_token=");
        if (at < 0) {
            return "";
        }
        String rest = webhook.substring(at + "access_token=".length());
        int end = rest.indexOf('&');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** DingTalk's 加签: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)), before URL encoding. */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
