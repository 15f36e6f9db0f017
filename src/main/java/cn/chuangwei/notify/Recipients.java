package cn.chuangwei.notify;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Who a mail goes to: a person of Camunda's identity service with their address, their name as Chinese readers
 * write it, and the language they prefer (the user info {@code locale}: {@code zh-CN} unless set to {@code en}).
 */
@Service
class Recipients {

    public static final String LOCALE_INFO = "locale";

    /** A person a mail is for; the address may be missing. */
    public record Recipient(String userId, String name, String address, String locale) {
    }

    private final IdentityService identity;

    Recipients(IdentityService identity) {
        this.identity = identity;
    }

    public Recipient of(String userId) {
        User u = identity.createUserQuery().userId(userId).singleResult();
        if (u == null) {
            return new Recipient(userId, userId, null, MailTemplates.ZH);
        }
        String name = cn.chuangwei.kernel.PersonNames.display(u.getFirstName(), u.getLastName(), userId);
        String locale = identity.getUserInfo(userId, LOCALE_INFO);
        return new Recipient(userId, name, u.getEmail(),
                MailTemplates.EN.equalsIgnoreCase(locale) ? MailTemplates.EN : MailTemplates.ZH);
    }
}
