-- Figures counted as footprints arrive, so the organizer's counters and the expo-wide analysis
-- read a few rows however many events were recorded.
--
-- footprint_visitors: each actor once per expo day, and once in all (day ''), with whether
-- they were a buyer of the expo; a new row is a new visitor, counted in footprint_totals.
CREATE TABLE footprint_visitors (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    actor TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    buyer BIGINT NOT NULL,
    PRIMARY KEY (expo_id, day, actor)
);
CREATE INDEX footprint_visitors_user ON footprint_visitors(user_id);

-- Per expo day (and '' for all days): visitors, buyers among them, views (all pages, booths,
-- products) and time spent.
CREATE TABLE footprint_totals (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    visitors BIGINT NOT NULL,
    buyers BIGINT NOT NULL,
    views BIGINT NOT NULL,
    booth_views BIGINT NOT NULL,
    product_views BIGINT NOT NULL,
    millis BIGINT NOT NULL,
    PRIMARY KEY (expo_id, day)
);

-- A day's visitors by the country and the language of their account ('' when not signed in).
CREATE TABLE footprint_breakdown (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    visitors BIGINT NOT NULL,
    PRIMARY KEY (expo_id, day, dimension, value)
);

-- What was recorded before: counted from the per-day roll-up.
INSERT INTO footprint_visitors (expo_id, day, actor, user_id, buyer)
SELECT f.expo_id, f.day, f.actor, MAX(f.user_id),
       MAX(CASE WHEN b.user_id IS NULL THEN 0 ELSE 1 END)
FROM footprint_days f LEFT JOIN buyer_profiles b ON b.user_id = f.user_id AND b.expo_id = f.expo_id
GROUP BY f.expo_id, f.day, f.actor;
INSERT INTO footprint_visitors (expo_id, day, actor, user_id, buyer)
SELECT expo_id, '', actor, MAX(user_id), MAX(buyer) FROM footprint_visitors
GROUP BY expo_id, actor;
INSERT INTO footprint_totals (expo_id, day, visitors, buyers, views, booth_views, product_views, millis)
SELECT expo_id, day, COUNT(*), SUM(buyer), 0, 0, 0, 0 FROM footprint_visitors GROUP BY expo_id, day;
UPDATE footprint_totals SET
    views = (SELECT COALESCE(SUM(f.views), 0) FROM footprint_days f
             WHERE f.expo_id = footprint_totals.expo_id
               AND (footprint_totals.day = '' OR f.day = footprint_totals.day)),
    booth_views = (SELECT COALESCE(SUM(f.views), 0) FROM footprint_days f
             WHERE f.expo_id = footprint_totals.expo_id AND f.target_kind = 'booth'
               AND (footprint_totals.day = '' OR f.day = footprint_totals.day)),
    product_views = (SELECT COALESCE(SUM(f.views), 0) FROM footprint_days f
             WHERE f.expo_id = footprint_totals.expo_id AND f.target_kind = 'product'
               AND (footprint_totals.day = '' OR f.day = footprint_totals.day)),
    millis = (SELECT COALESCE(SUM(f.millis), 0) FROM footprint_days f
             WHERE f.expo_id = footprint_totals.expo_id
               AND (footprint_totals.day = '' OR f.day = footprint_totals.day));
INSERT INTO footprint_breakdown (expo_id, day, dimension, value, visitors)
SELECT v.expo_id, v.day, 'country', COALESCE(u.country, ''), COUNT(*)
FROM footprint_visitors v LEFT JOIN users u ON u.id = v.user_id WHERE v.day <> ''
GROUP BY v.expo_id, v.day, COALESCE(u.country, '');
INSERT INTO footprint_breakdown (expo_id, day, dimension, value, visitors)
SELECT v.expo_id, v.day, 'language', COALESCE(u.language, ''), COUNT(*)
FROM footprint_visitors v LEFT JOIN users u ON u.id = v.user_id WHERE v.day <> ''
GROUP BY v.expo_id, v.day, COALESCE(u.language, '');
