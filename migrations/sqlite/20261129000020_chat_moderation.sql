-- Editing and deleting messages, blocking, reports and organizer moderation of chats.
-- A deleted message keeps its row (ids stay in order, receipts stay right) but loses its text.
-- deleted_by is 'sender' or 'moderator'.
ALTER TABLE chat_messages ADD COLUMN edited_at BIGINT;
ALTER TABLE chat_messages ADD COLUMN deleted_at BIGINT;
ALTER TABLE chat_messages ADD COLUMN deleted_by TEXT;

-- A person who does not want messages from another: neither writes to the other any more.
CREATE TABLE chat_blocks (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    blocked_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, blocked_id)
);
CREATE INDEX chat_blocks_blocked ON chat_blocks(blocked_id);

-- A message reported to the expo's organizers; one report per message and reporter.
-- outcome: NULL while open, then 'removed' or 'dismissed'.
CREATE TABLE chat_reports (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    room_id TEXT NOT NULL REFERENCES chat_rooms(id) ON DELETE CASCADE,
    message_id BIGINT NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    reporter_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    outcome TEXT,
    resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    resolved_at BIGINT,
    UNIQUE (message_id, reporter_id)
);
CREATE INDEX chat_reports_open ON chat_reports(expo_id, outcome, created_at);

-- People the organizers stopped from writing in the expo's conversations, until lifted.
CREATE TABLE chat_mutes (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    muted_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (expo_id, user_id)
);
