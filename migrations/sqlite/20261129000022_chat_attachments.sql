-- Files sent in conversations: stored by the media pipeline under media/<id>/<variant>,
-- readable only by those who may read the room. An upload belongs to its uploader until a
-- message carries it (message_id); unattached uploads are removed after a day.
CREATE TABLE chat_attachments (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL REFERENCES chat_rooms(id) ON DELETE CASCADE,
    uploaded_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    message_id BIGINT UNIQUE REFERENCES chat_messages(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL,
    name TEXT NOT NULL,
    width BIGINT,
    height BIGINT,
    variants TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX chat_attachments_unattached ON chat_attachments(created_at) WHERE message_id IS NULL;

-- What a reported message said when it was reported: the organizers judge that, even when the
-- sender edits or deletes it afterwards. Cleared when the reports are closed.
ALTER TABLE chat_reports ADD COLUMN message_text TEXT NOT NULL DEFAULT '';
