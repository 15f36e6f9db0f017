-- Whether a person was told of an event on any channel (notify/Notifier, before a message is written), and whether a
-- person's digest of a day was made (notify/Digests): both look by event and recipient.
create index ix_mail_outbox_event on mail_outbox (event_key, recipient_user);
create index ix_digest_item_user on digest_item (user_id, digest_key, created_at);
