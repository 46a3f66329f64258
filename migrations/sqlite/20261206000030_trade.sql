-- Inquiries (requests for quotation) from buyers to booths, the booths' quotes with every
-- revision kept (lines as a JSON array: a revision never changes), and per expo the currency
-- and rate table that add the intended deal values up. `cid` is the token the buyer's form
-- made once: the same form sent twice makes one inquiry.
CREATE TABLE inquiries (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    product_id TEXT REFERENCES products(id) ON DELETE SET NULL,
    buyer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    room_id TEXT REFERENCES chat_rooms(id) ON DELETE SET NULL,
    cid TEXT NOT NULL,
    quantity_milli BIGINT NOT NULL,
    unit TEXT NOT NULL,
    target_minor BIGINT,
    currency TEXT NOT NULL,
    incoterm TEXT NOT NULL,
    destination TEXT NOT NULL,
    place TEXT NOT NULL,
    needed_by TEXT,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    deal_minor BIGINT,
    deal_currency TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (buyer_id, cid)
);
CREATE INDEX inquiries_buyer ON inquiries(buyer_id, updated_at);
CREATE INDEX inquiries_exhibitor ON inquiries(exhibitor_id, updated_at);
CREATE INDEX inquiries_expo ON inquiries(expo_id, status);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    inquiry_id TEXT NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
    revision BIGINT NOT NULL,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    incoterm TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    terms TEXT NOT NULL,
    lines TEXT NOT NULL,
    total_minor BIGINT NOT NULL,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (inquiry_id, revision)
);

CREATE TABLE trade_rates (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    currency TEXT NOT NULL,
    rate_e8 BIGINT NOT NULL,
    PRIMARY KEY (expo_id, currency)
);
ALTER TABLE expos ADD COLUMN trade_currency TEXT NOT NULL DEFAULT 'USD';
