-- Invitation links with a source tag (a campaign, a partner, a channel): visits are counted,
-- and each registration that followed a link is recorded once.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    visits BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX invitations_expo ON invitations(expo_id, created_at);

CREATE TABLE invitation_registrations (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    invitation_id TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    at BIGINT NOT NULL
);
CREATE INDEX invitation_registrations_invitation ON invitation_registrations(invitation_id);
