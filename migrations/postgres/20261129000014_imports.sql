-- Bulk imports: each uploaded spreadsheet's checked rows and refused cells (JSON), kept from
-- the preview until the organizer imports the valid rows in one transaction.
CREATE TABLE imports (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    file_name TEXT NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    total_rows BIGINT NOT NULL,
    records TEXT NOT NULL,
    errors TEXT NOT NULL,
    will_create BIGINT NOT NULL,
    will_update BIGINT NOT NULL,
    imported_at BIGINT,
    created_count BIGINT NOT NULL DEFAULT 0,
    updated_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX imports_expo ON imports(expo_id, created_at);
