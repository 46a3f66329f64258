-- Appointments (5.3.1). A booth member publishes bookable time as slots (one row each, in UTC
-- milliseconds, with the zone they were published in); a buyer books one with a message. The
-- booth accepts (a scheduled video meeting is made), proposes another slot or declines.
-- `held_slot` is the slot while the appointment is requested, proposed or accepted, and NULL
-- once it is declined or cancelled: its UNIQUE index is what keeps two bookings, on any node,
-- out of one slot.
CREATE TABLE availability_slots (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    time_zone TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX availability_booth ON availability_slots(exhibitor_id, starts_at);
CREATE INDEX availability_member ON availability_slots(member_id, starts_at);

CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    buyer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    slot_id TEXT REFERENCES availability_slots(id) ON DELETE SET NULL,
    held_slot TEXT,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    product_id TEXT REFERENCES products(id) ON DELETE SET NULL,
    cid TEXT NOT NULL,
    message TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (buyer_id, cid)
);
CREATE UNIQUE INDEX appointments_held_slot ON appointments(held_slot);
CREATE INDEX appointments_buyer ON appointments(buyer_id, starts_at);
CREATE INDEX appointments_member ON appointments(member_id, starts_at);
CREATE INDEX appointments_exhibitor ON appointments(exhibitor_id, starts_at);
CREATE INDEX appointments_expo ON appointments(expo_id, status);

-- A person's calendar: the zone their times are shown in (NULL: the expo's), and the secret
-- of their subscribable iCalendar feed (NULL: none; a new one revokes the old).
ALTER TABLE users ADD COLUMN time_zone TEXT;
ALTER TABLE users ADD COLUMN calendar_token TEXT;
CREATE UNIQUE INDEX users_calendar_token ON users(calendar_token);
