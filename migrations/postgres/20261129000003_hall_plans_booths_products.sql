-- Hall floor plans, booths placed on them, and the product details booth and product pages show.
-- Multilingual fields hold LocalizedText JSON; money is in minor units (cents) with a currency.

ALTER TABLE halls ADD COLUMN plan_width BIGINT NOT NULL DEFAULT 1200;
ALTER TABLE halls ADD COLUMN plan_height BIGINT NOT NULL DEFAULT 700;

ALTER TABLE exhibitors ADD COLUMN about TEXT NOT NULL DEFAULT '';
ALTER TABLE exhibitors ADD COLUMN website TEXT NOT NULL DEFAULT '';

CREATE TABLE booths (
    id TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    x BIGINT NOT NULL,
    y BIGINT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    tier TEXT NOT NULL,
    UNIQUE (hall_id, code),
    UNIQUE (exhibitor_id)
);
CREATE INDEX booths_hall ON booths(hall_id);

ALTER TABLE products ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN specs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE products ADD COLUMN price_min BIGINT;
ALTER TABLE products ADD COLUMN price_max BIGINT;
ALTER TABLE products ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE products ADD COLUMN min_order BIGINT;
ALTER TABLE products ADD COLUMN lead_time_days BIGINT;
ALTER TABLE products ADD COLUMN certifications TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN origin TEXT NOT NULL DEFAULT '';
