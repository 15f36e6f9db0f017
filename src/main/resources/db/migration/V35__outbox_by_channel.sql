-- Issue 17, delivery status: the outbox counted by channel and status (the operations metrics, one count each).
create index ix_mail_outbox_channel_status on mail_outbox (channel, status);
