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

-- Questions viewers ask in a live room (they stay with the replay), their upvotes, and the
-- people a moderator removed from a room.
CREATE TABLE live_questions (
    id TEXT PRIMARY KEY,
    stream_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    pinned BIGINT NOT NULL DEFAULT 0,
    answer TEXT,
    votes BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX live_questions_stream ON live_questions(stream_id, created_at);

CREATE TABLE live_question_votes (
    question_id TEXT NOT NULL REFERENCES live_questions(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (question_id, user_id)
);

CREATE TABLE live_bans (
    stream_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    banned_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (stream_id, user_id)
);

-- People who asked to be reminded before a broadcast starts (in the app and by e-mail, once).
CREATE TABLE live_reminders (
    stream_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    PRIMARY KEY (stream_id, user_id)
);
CREATE INDEX live_reminders_unsent ON live_reminders(sent_at);
