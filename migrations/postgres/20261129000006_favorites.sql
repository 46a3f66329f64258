-- Favorite booths and products of signed-in people: one row per person and thing, removed with
-- either side.
CREATE TABLE favorite_booths (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, exhibitor_id)
);
CREATE INDEX favorite_booths_exhibitor ON favorite_booths(exhibitor_id);
CREATE TABLE favorite_products (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX favorite_products_product ON favorite_products(product_id);
