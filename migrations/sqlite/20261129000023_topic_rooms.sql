-- Topic rooms: group conversations on a subject, opened by the organizers (optionally for one
-- hall's industry) and joined by anyone taking part in the expo. Other kinds of room have no
-- title of their own (they are named after the people or the booth in them).
ALTER TABLE chat_rooms ADD COLUMN title TEXT;
ALTER TABLE chat_rooms ADD COLUMN about TEXT;
ALTER TABLE chat_rooms ADD COLUMN hall_id TEXT REFERENCES halls(id) ON DELETE SET NULL;
CREATE INDEX chat_rooms_expo_kind ON chat_rooms(expo_id, kind);
