-- Emergency tools: the alert banner (one active alert per expo; text per language as
-- LocalizedText JSON) and maintenance mode (read-only for everyone but organizers and
-- operators). Changes are also stored as realtime events on the expo's topic.
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    severity TEXT NOT NULL,
    text TEXT NOT NULL,
    raised_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    raised_at BIGINT NOT NULL,
    cleared_at BIGINT
);
CREATE INDEX alerts_expo ON alerts(expo_id, raised_at);

ALTER TABLE expos ADD COLUMN maintenance_since BIGINT;
ALTER TABLE expos ADD COLUMN maintenance_text TEXT;
