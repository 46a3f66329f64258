-- Live broadcasts: the schedule (booth streams, the opening ceremony, forums), their state, and
-- the recording each leaves (the replay, in the object store). Title and description hold
-- LocalizedText JSON.
CREATE TABLE live_streams (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    hall_id TEXT REFERENCES halls(id) ON DELETE SET NULL,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    live_since BIGINT,
    ended_at BIGINT,
    recording_key TEXT,
    recording_bytes BIGINT,
    recording_ms BIGINT
);
CREATE INDEX live_streams_expo_start ON live_streams(expo_id, starts_at);
CREATE INDEX live_streams_exhibitor ON live_streams(exhibitor_id);
