-- Footprints (what people look at, clause 5.2) and matchmaking (clause 5.3.2).
--
-- `footprints` keeps each raw event a bounded time (housekeeping deletes old ones);
-- `footprint_days` is the same rolled up per actor, day and page as events arrive, and is what
-- interest profiles and matching read. The actor is a person's id, or `v:` and the day's
-- pseudonym of a visitor who is not signed in (a hash of address and browser that changes
-- daily). `users.footprints_off` is the person's opt-out.
CREATE TABLE footprints (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE CASCADE,
    industry TEXT NOT NULL,
    millis BIGINT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX footprints_at ON footprints(at);
CREATE INDEX footprints_user ON footprints(user_id);

CREATE TABLE footprint_days (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE CASCADE,
    industry TEXT NOT NULL,
    views BIGINT NOT NULL,
    millis BIGINT NOT NULL,
    PRIMARY KEY (expo_id, actor, day, target_kind, target_id)
);
CREATE INDEX footprint_days_user ON footprint_days(user_id, expo_id);
CREATE INDEX footprint_days_exhibitor ON footprint_days(exhibitor_id, day);

ALTER TABLE users ADD COLUMN footprints_off BIGINT NOT NULL DEFAULT 0;

-- The organizer's weights (JSON) per expo, and when the last full recompute ran.
CREATE TABLE match_settings (
    expo_id TEXT PRIMARY KEY REFERENCES expos(id) ON DELETE CASCADE,
    weights TEXT NOT NULL,
    computed_at BIGINT NOT NULL
);

-- Each buyer's best exhibitors and each exhibitor's best buyers; `reasons` is the JSON of
-- domain::matching::Reasons, put into words when shown. Derived data, rewritten by every full
-- recompute (millions of rows at a large fair), so it carries no foreign keys and one index
-- besides the key: reads join the people and booths that still exist, and the next recompute
-- drops the rest. A buyer's matches are read through the key (expo, buyer) and sorted.
-- WITHOUT ROWID (SQLite only): the rows live in the key's tree instead of beside it.
CREATE TABLE match_scores (
    expo_id TEXT NOT NULL,
    buyer_id TEXT NOT NULL,
    exhibitor_id TEXT NOT NULL,
    score BIGINT NOT NULL,
    reasons TEXT NOT NULL,
    computed_at BIGINT NOT NULL,
    PRIMARY KEY (expo_id, buyer_id, exhibitor_id)
) WITHOUT ROWID;
CREATE INDEX match_scores_exhibitor ON match_scores(exhibitor_id, score);

-- "Not interested": the booth is never recommended to that buyer again.
CREATE TABLE match_dismissals (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    PRIMARY KEY (user_id, exhibitor_id)
);

-- People whose matches must be recomputed (their profile, footprints or dismissals changed);
-- the matcher takes them in batches. `exhibitor:` + id marks a booth whose features changed.
CREATE TABLE match_dirty (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (expo_id, subject)
);

-- The e-mail digest of new strong matches: how often (`off`, `daily`, `weekly`) and when the
-- last one went out.
ALTER TABLE users ADD COLUMN match_digest TEXT NOT NULL DEFAULT 'weekly';
ALTER TABLE users ADD COLUMN match_digest_at BIGINT NOT NULL DEFAULT 0;
