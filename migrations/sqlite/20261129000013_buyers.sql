-- Professional buyers: the profile a visitor fills in (company, role, purchasing interests,
-- volume, source countries), contact details kept with the consent flag, and the organizer's
-- verification. Lists are stored as ",a,b," so one LIKE finds a member on both backends.
CREATE TABLE buyer_profiles (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    company TEXT NOT NULL,
    job_role TEXT NOT NULL,
    interests TEXT NOT NULL,
    volume TEXT NOT NULL,
    countries TEXT NOT NULL,
    phone TEXT NOT NULL,
    wechat TEXT NOT NULL,
    contact_consent BIGINT NOT NULL,
    consent_changed_at BIGINT NOT NULL,
    verified_at BIGINT,
    verified_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (expo_id, user_id)
);
CREATE INDEX buyer_profiles_updated ON buyer_profiles(expo_id, updated_at);
