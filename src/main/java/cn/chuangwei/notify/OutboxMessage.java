package cn.chuangwei.notify;

import java.util.Map;

/**
 * A message of the outbox as a channel sender gets it.
 *
 * @param key         the idempotency key: the same message is never a second row
 * @param address     where it goes in the channel's terms: an e-mail address, a WeCom or DingTalk user id, a mobile
 *                    number, or for a robot channel the id of its {@code group_robot} row
 * @param locale      the recipient's language tag ({@code zh-CN} or {@code en})
 * @param subject     the rendered subject (a robot's or notification's title)
 * @param body        the rendered text
 * @param templateKey the mail template it was rendered from (an SMS provider sends its own template for it)
 * @param params      the values the template was filled with, for a provider's template
 * @param noticeKind  the kind of notice (ASSIGNMENT, REMINDER, YELLOW, RED, CIRCULAR, CIRCULAR_ISSUED, INTERVIEW,
 *                    ACCOUNTABILITY, DIGEST)
 * @param attempts    attempts made before this one
 */
record OutboxMessage(long id, String key, Channel channel, String address, String locale, String subject, String body,
                     String templateKey, Map<String, String> params, String noticeKind, int attempts) {
}
