package cn.chuangwei.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The mail outbox ({@code chuangwei.mail}): the sender's address and how the outbox is sent.
 *
 * @param from The sender of every mail, as an address with an optional display name.
 * @param pollMillis Milliseconds between two looks into the outbox for mails that are due.
 * @param maxAttempts Attempts at handing a mail to SMTP before it is given up as FAILED.
 * @param leaseSeconds Seconds a mail stays claimed (SENDING) by a sender; after that it is taken as UNCONFIRMED.
 * @param sender This node's sending of the outbox.
 */
@Validated
@ConfigurationProperties("chuangwei.mail")
record MailSettings(@NotBlank String from, @NotNull @Positive Long pollMillis, @NotNull @Positive Integer maxAttempts,
                    @NotNull @Positive Long leaseSeconds, @Valid @NotNull Sender sender) {

    /**
     * This node's sending of the outbox.
     *
     * @param enabled Whether this node polls the outbox and sends what is due (tests send it themselves).
     */
    record Sender(@NotNull Boolean enabled) {
    }
}
