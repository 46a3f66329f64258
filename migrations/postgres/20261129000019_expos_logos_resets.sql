-- Several expos on one platform: the public one is the expo made public most recently
-- (`public_since`); the others are prepared or archived in the organizer console.
-- An expo's logo is an expo asset (stored like media, under `media/<id>/<variant>`).
-- Password reset links: only the token's hash is kept, with its expiry and its use.
ALTER TABLE expos ADD COLUMN public_since BIGINT;
ALTER TABLE expos ADD COLUMN logo_id TEXT;
UPDATE expos SET public_since = created_at
 WHERE id = (SELECT id FROM expos ORDER BY starts_on, created_at LIMIT 1);

CREATE TABLE expo_assets (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    variants TEXT NOT NULL,
    uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX expo_assets_expo ON expo_assets(expo_id);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets(user_id, created_at);
CREATE INDEX password_resets_expiry ON password_resets(expires_at);
