package cn.chuangwei.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's SMS messages through the provider {@code chuangwei.sms.provider} names. A provider sends only
 * templates it approved, so a message goes out as the template configured for its kind ({@code chuangwei.sms.templates},
 * by the message's template key), each of the template's variables filled with one of the message's values and cut to
 * what the provider allows in a variable. The address is a mainland mobile number. Without a provider (the embedded
 * default) the channel is not ready: SMS messages wait and are not offered.
 */
@Component
class SmsSender implements ChannelSender {

    /** A mainland China mobile number: 11 digits, the first a 1. */
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    static final String NONE = "none";

    private final SmsGateway gateway;
    private final Map<String, SmsSettings.Template> templates;

    SmsSender(List<SmsGateway> gateways, SmsSettings settings) {
        this.gateway = chosen(gateways, settings.provider());
        this.templates = settings.templates().entrySet().stream()
                .collect(Collectors.toMap(e -> normalized(e.getKey()), Map.Entry::getValue));
    }

    private static SmsGateway chosen(List<SmsGateway> gateways, String provider) {
        if (NONE.equalsIgnoreCase(provider.trim())) {
            return null;
        }
        return gateways.stream().filter(g -> g.name().equalsIgnoreCase(provider.trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("chuangwei.sms.provider: no SMS provider '" + provider
                        + "'; known: " + NONE + ", " + gateways.stream().map(SmsGateway::name)
                        .collect(Collectors.joining(", "))));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean ready() {
        return gateway != null && gateway.ready();
    }

    @Override
    public void send(OutboxMessage message) throws DeliveryFailure {
        if (gateway == null) {
            throw DeliveryFailure.retry("no SMS provider set up (chuangwei.sms.provider)");
        }
        String phone = message.address() == null ? "" : message.address().trim();
        if (!MOBILE.matcher(phone).matches()) {
            throw DeliveryFailure.park("invalid mobile number");
        }
        SmsSettings.Template template = templates.get(normalized(message.templateKey()));
        if (template == null) {
            throw DeliveryFailure.park("no SMS template for " + message.templateKey()
                    + " (chuangwei.sms.templates)");
        }
        gateway.send(phone, template.code(), values(template, message));
    }

    /** The template's variables, each with the message's value it is mapped to, cut to the provider's limit. */
    private Map<String, String> values(SmsSettings.Template template, OutboxMessage message) throws DeliveryFailure {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> ours = message.params() == null ? Map.of() : message.params();
        for (Map.Entry<String, String> p : template.params().entrySet()) {
            String value = ours.get(p.getValue());
            if (value == null) {
                throw DeliveryFailure.park("SMS template " + template.code() + " for " + message.templateKey()
                        + ": the message has no value " + p.getValue() + " for ${" + p.getKey() + "}");
            }
            values.put(p.getKey(), cut(value, gateway.maxParamLength()));
        }
        return values;
    }

    /** A value of at most {@code max} characters: a longer one keeps its beginning and ends in "…". */
    static String cut(String value, int max) {
        String v = value.strip();
        if (v.codePointCount(0, v.length()) <= max) {
            return v;
        }
        return v.substring(0, v.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** A template key as written in the settings or the outbox: TASK_ASSIGNED, task-assigned, taskAssigned alike. */
    private static String normalized(String key) {
        return key == null ? "" : key.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
