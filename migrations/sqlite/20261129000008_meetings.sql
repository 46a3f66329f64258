-- Video meetings (WebRTC meshes; the server only signals) and their participants. The
-- participant rows are also the meeting records: who was invited, who came, when, how long.
CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    host_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    chat_room_id TEXT REFERENCES chat_rooms(id) ON DELETE SET NULL,
    invite_token TEXT NOT NULL UNIQUE,
    scheduled_at BIGINT,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    ended_at BIGINT,
    locked BIGINT NOT NULL DEFAULT 0,
    interpreter_requested BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX meetings_host ON meetings(host_id);

CREATE TABLE meeting_participants (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    state TEXT NOT NULL,
    invited_at BIGINT NOT NULL,
    joined_at BIGINT,
    present_since BIGINT,
    left_at BIGINT,
    seconds_present BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX meeting_participants_user ON meeting_participants(user_id);
