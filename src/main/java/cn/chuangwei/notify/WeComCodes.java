package cn.chuangwei.notify;

import static java.util.Map.entry;

import java.util.Map;

/**
 * What WeCom's error codes (全局错误码, errcode in every answer) mean for a message, in one table: try again later, park
 * it for a person to look at, or (for the application's access token) fetch a new token and try once more. A code not
 * in the table parks the message with the code, so nobody's message is tried for days on a code we do not know. The
 * meanings are WeCom's own words from its list of global error codes.
 */
final class WeComCodes {

    /** What becomes of a message on a code. */
    enum Action {
        /** WeCom is busy or limits the rate: the outbox tries again after a growing delay. */
        RETRY,
        /** The address, the application or the robot is wrong: a person must look at it. */
        PARK,
        /** The access token is invalid or expired: drop it, fetch a new one and send once more. */
        RENEW_TOKEN
    }

    /** A code's action and WeCom's words for it. */
    record Meaning(Action action, String words) {
    }

    static final Map<Integer, Meaning> TABLE = Map.ofEntries(
            entry(-1, retry("系统繁忙")),
            entry(45009, retry("接口调用超过限制")),
            entry(45033, retry("接口并发调用超过限制")),
            entry(40001, renew("不合法的secret参数")),
            entry(40014, renew("不合法的access_token")),
            entry(42001, renew("access_token已过期")),
            entry(40003, park("无效的UserID")),
            entry(40013, park("不合法的CorpID")),
            entry(40056, park("不合法的agentid")),
            entry(40091, park("secret不合法")),
            entry(41004, park("缺少secret参数")),
            entry(44004, park("文本消息content参数为空")),
            entry(45002, park("消息内容大小超过限制")),
            entry(48002, park("API接口无权限调用")),
            entry(50003, park("应用已禁用")),
            entry(60011, park("指定的成员/部门/标签参数无权限")),
            entry(60020, park("访问ip不在白名单之中")),
            entry(60111, park("UserID不存在")),
            entry(81013, park("UserID、部门ID、标签ID全部非法或无权限")),
            entry(82001, park("指定的成员/部门/标签全部为空")),
            entry(301002, park("无权限操作指定的应用")),
            entry(93000, park("机器人webhookurl不合法或者机器人已经被移除出群")),
            entry(93004, park("机器人被停用")),
            entry(93008, park("不在群里")));

    private WeComCodes() {
    }

    /** The action for a code other than 0; unknown codes park. */
    static Action action(int code) {
        Meaning m = TABLE.get(code);
        return m == null ? Action.PARK : m.action();
    }

    /**
     * The failure for a code other than 0, its reason in WeCom's words: {@code WeCom 81013 UserID、部门ID、标签ID全部非法或无权限:
     * <errmsg>}. A token code here (a second refusal right after a new token) is tried again later.
     *
     * @param what   what was asked of WeCom, for the reason ({@code message to zhangsan}, {@code robot 镇创卫群})
     * @param errmsg WeCom's errmsg from the answer (never holds a secret: WeCom does not echo tokens or keys)
     */
    static DeliveryFailure failure(String what, int code, String errmsg) {
        String reason = reason(what, code, errmsg);
        return action(code) == Action.PARK ? DeliveryFailure.park(reason) : DeliveryFailure.retry(reason);
    }

    /** The failure when WeCom refuses the application's own credentials (CorpID and Secret): parked, whatever the code. */
    static DeliveryFailure credentialsRefused(int code, String errmsg) {
        return DeliveryFailure.park(reason("access token", code, errmsg));
    }

    private static String reason(String what, int code, String errmsg) {
        Meaning m = TABLE.get(code);
        return "WeCom " + code + (m == null ? "" : " " + m.words()) + " (" + what + ")"
                + (errmsg == null || errmsg.isBlank() ? "" : ": " + errmsg);
    }

    private static Meaning retry(String words) {
        return new Meaning(Action.RETRY, words);
    }

    private static Meaning park(String words) {
        return new Meaning(Action.PARK, words);
    }

    private static Meaning renew(String words) {
        return new Meaning(Action.RENEW_TOKEN, words);
    }
}
