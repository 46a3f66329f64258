-- Generic rate-limit events (registrations per address, …), counted in a sliding window.
-- In the database rather than in memory so every node sees the same counts.
CREATE TABLE rate_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_events_kind_subject ON rate_events(kind, subject, at);
CREATE INDEX rate_events_at ON rate_events(at);
CREATE INDEX login_failures_at ON login_failures(at);
