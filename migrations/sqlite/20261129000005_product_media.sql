-- Media can belong to one product of the exhibitor (product pictures), besides the booth gallery.
ALTER TABLE media ADD COLUMN product_id TEXT REFERENCES products(id) ON DELETE CASCADE;
CREATE INDEX media_product ON media(product_id, position);
