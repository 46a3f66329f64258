-- A scheduled meeting's participants are reminded once, shortly before it (in the app and by
-- e-mail); when that went out.
ALTER TABLE meeting_participants ADD COLUMN reminded_at BIGINT;
CREATE INDEX meetings_scheduled ON meetings(scheduled_at);
