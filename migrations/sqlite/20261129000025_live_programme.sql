-- A broadcast's programme: its speakers (with bios in several languages) and agenda (each item
-- a time in the slot, a title, maybe a speaker); agenda items become the replay's chapters.
CREATE TABLE live_speakers (
    id TEXT PRIMARY KEY,
    stream_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL,
    bio TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX live_speakers_stream ON live_speakers(stream_id, created_at);

CREATE TABLE live_agenda (
    id TEXT PRIMARY KEY,
    stream_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    title TEXT NOT NULL,
    speaker_id TEXT REFERENCES live_speakers(id) ON DELETE SET NULL
);
CREATE INDEX live_agenda_stream ON live_agenda(stream_id, starts_at);

-- Reactions viewers send in a live room, counted per kind.
CREATE TABLE live_reactions (
    stream_id TEXT NOT NULL REFERENCES live_streams(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (stream_id, kind)
);

-- A video an organizer uploaded: as the replay (recording_type says its type; NULL is the
-- recorded WebM), or as the fallback that plays while a scheduled stream is not on air.
ALTER TABLE live_streams ADD COLUMN recording_type TEXT;
ALTER TABLE live_streams ADD COLUMN fallback_key TEXT;
ALTER TABLE live_streams ADD COLUMN fallback_type TEXT;
ALTER TABLE live_streams ADD COLUMN fallback_bytes BIGINT;
