package cn.chuangwei.notify;

/**
 * Sends the outbox's messages of one channel. The outbox sender claims a message, hands it here and records what became
 * of it: a return means the provider accepted it; {@link DeliveryFailure#retry} puts it back with a growing delay;
 * {@link DeliveryFailure#park} parks it with its reason (and a person's message falls back to mail). A sender never
 * logs or returns a secret (a token, a webhook key, a signature) in a reason.
 */
interface ChannelSender {

    Channel channel();

    /** Whether this installation has the channel set up; messages of a channel that is not wait, and are not offered. */
    boolean ready();

    void send(OutboxMessage message) throws DeliveryFailure;
}
