package cn.chuangwei.notify;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the daily digests when their time has come: for each person with lines waiting, one message on their first
 * channel listing them all (see {@link Digests}). Runs on the nodes that send the outbox.
 */
@Component
class DigestSender {

    private final Digests digests;
    private final Notifier notifier;
    private final NoticeRoutes routes;
    private final boolean enabled;

    DigestSender(Digests digests, Notifier notifier, NoticeRoutes routes, MailSettings mail) {
        this.digests = digests;
        this.notifier = notifier;
        this.routes = routes;
        this.enabled = mail.sender().enabled();
    }

    // the schedule reads chuangwei.notify.digest-poll-millis itself (an annotation takes no bean); NotifySettings checks it
    @Scheduled(fixedDelayString = "${chuangwei.notify.digest-poll-millis}",
            initialDelayString = "${chuangwei.notify.digest-poll-millis}")
    void poll() {
        if (enabled) {
            sendDue();
        }
    }

    /** Writes every digest that is due; returns how many people got one. */
    int sendDue() {
        int sent = 0;
        for (String user : digests.due()) {
            int lines = digests.claim(user, (event, items) -> notifier.toPerson(event, NoticeKind.DIGEST,
                    routes.of(NoticeKind.DIGEST), items.get(0).tenantId(), null, user, "DIGEST",
                    locale -> digests.values(items)));
            if (lines > 0) {
                sent++;
            }
        }
        return sent;
    }
}
