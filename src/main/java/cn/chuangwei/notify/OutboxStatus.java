package cn.chuangwei.notify;

/**
 * PENDING: waiting to be sent (again); SENDING: handed to SMTP by a sender holding its lease; SENT: accepted by SMTP;
 * UNCONFIRMED: a sender stopped between handing it to SMTP and recording it, so it may have gone out and is not sent
 * again; FAILED: cannot be sent (no or invalid address, or retries used up).
 */
public enum OutboxStatus {
    PENDING, SENDING, SENT, UNCONFIRMED, FAILED
}
