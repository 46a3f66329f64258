-- Figures counted as footprints arrive, so the organizer's counters and the analysis read a few
-- rows however many events were recorded.
--
-- A place is the whole expo (''), a hall ('h:' and its id, counting its own page and its
-- booths') or a booth ('b:' and the exhibitor id, counting its page, products and broadcasts).
-- A period is a day of the expo ('YYYY-MM-DD', its own time zone), an hour of it ('YYYY-MM-DD
-- HH', hours counted from the day's first moment) or all days ('').
--
-- footprint_visitors: each actor once per period and place, with whether they are a buyer of
-- the expo; a row inserted is a new visitor of its place and period.
CREATE TABLE footprint_visitors (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    place TEXT NOT NULL,
    actor TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    buyer BIGINT NOT NULL,
    PRIMARY KEY (expo_id, day, place, actor)
) WITHOUT ROWID;
-- (only the rows of people signed in: the opt-out and a new buyer profile look them up)
CREATE INDEX footprint_visitors_user ON footprint_visitors(user_id, expo_id)
    WHERE user_id IS NOT NULL;

-- Per place and period: visitors, buyers among them, views (of every page, of booths, of
-- products), time spent, and booth visits (one person's time on one booth's page in a day) per
-- length bucket (domain::analysis::DWELL_BUCKETS; days and all days only).
CREATE TABLE footprint_totals (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    place TEXT NOT NULL,
    day TEXT NOT NULL,
    visitors BIGINT NOT NULL,
    buyers BIGINT NOT NULL,
    views BIGINT NOT NULL,
    booth_views BIGINT NOT NULL,
    product_views BIGINT NOT NULL,
    millis BIGINT NOT NULL,
    dwell0 BIGINT NOT NULL,
    dwell1 BIGINT NOT NULL,
    dwell2 BIGINT NOT NULL,
    dwell3 BIGINT NOT NULL,
    dwell4 BIGINT NOT NULL,
    dwell5 BIGINT NOT NULL,
    PRIMARY KEY (expo_id, place, day)
);
CREATE INDEX footprint_totals_day ON footprint_totals(expo_id, day, place);

-- A day's visitors of the whole expo by the country and the language of their account (''
-- when not signed in).
CREATE TABLE footprint_breakdown (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    visitors BIGINT NOT NULL,
    PRIMARY KEY (expo_id, day, dimension, value)
);

-- What was recorded before, counted from the per-day roll-up (its hours are not known), each
-- row once for the expo, once for its hall and once for its booth.
CREATE TABLE footprint_backfill AS
SELECT f.expo_id, f.day, '' AS place, f.actor, f.user_id, f.target_kind, f.views, f.millis
FROM footprint_days f
UNION ALL
SELECT f.expo_id, f.day,
       'h:' || CASE WHEN f.target_kind = 'hall' THEN f.target_id ELSE e.hall_id END,
       f.actor, f.user_id, f.target_kind, f.views, f.millis
FROM footprint_days f LEFT JOIN exhibitors e ON e.id = f.exhibitor_id
WHERE f.target_kind = 'hall' OR e.hall_id IS NOT NULL
UNION ALL
SELECT f.expo_id, f.day, 'b:' || f.exhibitor_id, f.actor, f.user_id, f.target_kind, f.views,
       f.millis
FROM footprint_days f WHERE f.exhibitor_id IS NOT NULL;
CREATE INDEX footprint_backfill_place ON footprint_backfill(expo_id, place, day);

INSERT INTO footprint_visitors (expo_id, day, place, actor, user_id, buyer)
SELECT x.expo_id, x.day, x.place, x.actor, MAX(x.user_id),
       MAX(CASE WHEN b.user_id IS NULL THEN 0 ELSE 1 END)
FROM footprint_backfill x
LEFT JOIN buyer_profiles b ON b.user_id = x.user_id AND b.expo_id = x.expo_id
GROUP BY x.expo_id, x.day, x.place, x.actor;
INSERT INTO footprint_visitors (expo_id, day, place, actor, user_id, buyer)
SELECT expo_id, '', place, actor, MAX(user_id), MAX(buyer) FROM footprint_visitors
GROUP BY expo_id, place, actor;
INSERT INTO footprint_totals (expo_id, place, day, visitors, buyers, views, booth_views,
    product_views, millis, dwell0, dwell1, dwell2, dwell3, dwell4, dwell5)
SELECT expo_id, place, day, COUNT(*), SUM(buyer), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM footprint_visitors GROUP BY expo_id, place, day;
UPDATE footprint_totals SET
    views = (SELECT COALESCE(SUM(x.views), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day)),
    booth_views = (SELECT COALESCE(SUM(x.views), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth'),
    product_views = (SELECT COALESCE(SUM(x.views), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'product'),
    millis = (SELECT COALESCE(SUM(x.millis), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day)),
    dwell0 = (SELECT COALESCE(COUNT(*), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth' AND x.millis > 0 AND x.millis >= 0 AND x.millis < 10000),
    dwell1 = (SELECT COALESCE(COUNT(*), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth' AND x.millis > 0 AND x.millis >= 10000 AND x.millis < 30000),
    dwell2 = (SELECT COALESCE(COUNT(*), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth' AND x.millis > 0 AND x.millis >= 30000 AND x.millis < 60000),
    dwell3 = (SELECT COALESCE(COUNT(*), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth' AND x.millis > 0 AND x.millis >= 60000 AND x.millis < 180000),
    dwell4 = (SELECT COALESCE(COUNT(*), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth' AND x.millis > 0 AND x.millis >= 180000 AND x.millis < 600000),
    dwell5 = (SELECT COALESCE(COUNT(*), 0) FROM footprint_backfill x
        WHERE x.expo_id = footprint_totals.expo_id AND x.place = footprint_totals.place
          AND (footprint_totals.day = '' OR x.day = footprint_totals.day) AND x.target_kind = 'booth' AND x.millis > 0 AND x.millis >= 600000);
INSERT INTO footprint_breakdown (expo_id, day, dimension, value, visitors)
SELECT v.expo_id, v.day, 'country', COALESCE(u.country, ''), COUNT(*)
FROM footprint_visitors v LEFT JOIN users u ON u.id = v.user_id
WHERE v.place = '' AND v.day <> ''
GROUP BY v.expo_id, v.day, COALESCE(u.country, '');
INSERT INTO footprint_breakdown (expo_id, day, dimension, value, visitors)
SELECT v.expo_id, v.day, 'language', COALESCE(u.language, ''), COUNT(*)
FROM footprint_visitors v LEFT JOIN users u ON u.id = v.user_id
WHERE v.place = '' AND v.day <> ''
GROUP BY v.expo_id, v.day, COALESCE(u.language, '');
DROP TABLE footprint_backfill;
