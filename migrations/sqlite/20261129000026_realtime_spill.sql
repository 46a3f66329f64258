-- Signals too large for a PostgreSQL notice (a WebRTC offer with many tracks): the node that
-- publishes one stores it here and notifies its id; the others read it. Pruned with the events.
-- (A single SQLite node never spills; the table keeps both schemas alike.)
CREATE TABLE realtime_spill (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX realtime_spill_created ON realtime_spill(created_at);
