-- Raw footprints are never read one at a time: housekeeping deletes them by age and an opt-out
-- deletes a person's all at once. They need no id of their own; the row id SQLite gives every
-- row is enough, and a text key's index cost every event a second B-tree insert.
CREATE TABLE footprints_rebuilt (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE CASCADE,
    industry TEXT NOT NULL,
    millis BIGINT NOT NULL,
    at BIGINT NOT NULL
);
INSERT INTO footprints_rebuilt (expo_id, actor, user_id, kind, target_kind, target_id,
    exhibitor_id, industry, millis, at)
SELECT expo_id, actor, user_id, kind, target_kind, target_id, exhibitor_id, industry, millis, at
FROM footprints ORDER BY at;
DROP TABLE footprints;
ALTER TABLE footprints_rebuilt RENAME TO footprints;
CREATE INDEX footprints_at ON footprints(at);
CREATE INDEX footprints_user ON footprints(user_id);
