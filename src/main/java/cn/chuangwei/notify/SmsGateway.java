package cn.chuangwei.notify;

import java.util.Map;

/**
 * An SMS provider's sending API: a text message of one of the provider's approved templates, filled with the values the
 * template names, to one mobile number. {@link SmsSender} turns an outbox message into such a call; each provider is a
 * class of its own implementing this (Aliyun's is {@link AliyunSms}), chosen by {@code chuangwei.sms.provider}.
 */
interface SmsGateway {

    /** The provider's name as {@code chuangwei.sms.provider} names it ({@code aliyun}). */
    String name();

    /** Whether this installation has what the provider needs (its keys and sign name); else messages wait. */
    boolean ready();

    /** The most characters the provider takes in one template value; longer values are cut to it. */
    int maxParamLength();

    /**
     * Sends one message; a return means the provider accepted it.
     *
     * @param phone        the mobile number (11 digits, mainland China)
     * @param templateCode the provider's code of an approved template
     * @param params       the template's values by the names the provider's template uses, in order
     * @throws DeliveryFailure retry when the provider is down or busy, park when it refuses the message; the reason
     *                         carries the provider's code and words, never a key or a signature
     */
    void send(String phone, String templateCode, Map<String, String> params) throws DeliveryFailure;
}
