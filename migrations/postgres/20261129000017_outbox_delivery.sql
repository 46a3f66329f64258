-- Delivery of the e-mail outbox: when a failed mail is due again (also the lease of the server
-- sending it) and why the last attempt failed.
ALTER TABLE outbox_emails ADD COLUMN next_attempt_at BIGINT;
ALTER TABLE outbox_emails ADD COLUMN last_error TEXT;
