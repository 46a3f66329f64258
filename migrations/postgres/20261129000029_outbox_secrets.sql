-- Mail that carries a secret (a password reset link): the body is emptied once it is sent, or
-- once the secret has expired unsent (then it is never sent).
ALTER TABLE outbox_emails ADD COLUMN secret_until BIGINT;
