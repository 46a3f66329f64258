-- The realtime hub's event log: every event is stored here before it is published, and its id
-- (increasing; the hub publishes each topic's events in id order) is what a reconnecting client
-- resumes from. Old events are pruned; chat history itself lives in chat_messages.
CREATE TABLE realtime_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    topic TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX realtime_events_topic ON realtime_events(topic, id);
CREATE INDEX realtime_events_created ON realtime_events(created_at);

-- Conversations. room_key makes "the same conversation again" find the existing room.
CREATE TABLE chat_rooms (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    room_key TEXT NOT NULL UNIQUE,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL
);
CREATE INDEX chat_rooms_exhibitor ON chat_rooms(exhibitor_id);

CREATE TABLE chat_members (
    room_id TEXT NOT NULL REFERENCES chat_rooms(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at BIGINT NOT NULL,
    last_read_id BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX chat_members_user ON chat_members(user_id);

-- A message's id is the realtime event id that published it. (sender_id, client_id) makes a
-- retried send store nothing twice.
CREATE TABLE chat_messages (
    id BIGINT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES chat_rooms(id) ON DELETE CASCADE,
    sender_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (sender_id, client_id)
);
CREATE INDEX chat_messages_room ON chat_messages(room_id, id);
