package cn.chuangwei.notify;

/**
 * The ways a message reaches people. MAIL, WECOM (企业微信 application message), DINGTALK (钉钉 work notification) and
 * SMS reach a person at their address in that channel; WECOM_ROBOT and DINGTALK_ROBOT post to a group's robot (a unit's
 * or a campaign's group). Names in the message bundles ({@code channel.<NAME>}).
 */
public enum Channel {
    MAIL(true), WECOM(true), DINGTALK(true), SMS(true), WECOM_ROBOT(false), DINGTALK_ROBOT(false);

    private final boolean personal;

    Channel(boolean personal) {
        this.personal = personal;
    }

    /** Whether the channel reaches a person (else a group, through its robot). */
    public boolean personal() {
        return personal;
    }
}
