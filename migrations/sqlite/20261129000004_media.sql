-- Uploaded media of exhibitors (booth gallery, product pictures, videos, documents, 3D models,
-- panoramas). The bytes live in the object store under media/<id>/<variant>; this row says what
-- they are. Variants is a comma-separated list (original, w1600, w800, w320 …).
CREATE TABLE media (
    id TEXT PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL,
    width BIGINT,
    height BIGINT,
    variants TEXT NOT NULL,
    original_name TEXT NOT NULL,
    position BIGINT NOT NULL,
    uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX media_exhibitor ON media(exhibitor_id, position);
