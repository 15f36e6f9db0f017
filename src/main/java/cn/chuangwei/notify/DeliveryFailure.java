package cn.chuangwei.notify;

/**
 * A channel could not deliver a message: either try again later (the provider is down, busy, or its token expired) or
 * park the message with its reason (a wrong address, a refused template, a robot removed), which a person must look at.
 * The reason is shown to the office on the delivery page: the provider's own code and words, never a secret.
 */
class DeliveryFailure extends Exception {

    private final boolean permanent;

    private DeliveryFailure(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    /** A transient failure: the message goes back to the outbox and is tried again after a growing delay. */
    static DeliveryFailure retry(String reason) {
        return new DeliveryFailure(reason, false);
    }

    /** A permanent failure: the message is parked with this reason and not tried again unless the office resends it. */
    static DeliveryFailure park(String reason) {
        return new DeliveryFailure(reason, true);
    }

    boolean permanent() {
        return permanent;
    }
}
