-- Exhibitor applications and their review; in-app notifications; the e-mail outbox.
-- `open_key` (expo:applicant) and `license_key` (expo:licence) are set while an application is
-- submitted, waiting for changes or approved, and NULL once it is rejected or withdrawn: the
-- unique indexes then allow one live application per person and per licence number.
CREATE TABLE exhibitor_applications (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    applicant_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    company TEXT NOT NULL,
    country TEXT NOT NULL,
    industries TEXT NOT NULL,
    license_no TEXT NOT NULL,
    product_summary TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    website TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE SET NULL,
    booth_code TEXT,
    open_key TEXT UNIQUE,
    license_key TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX exhibitor_applications_queue ON exhibitor_applications(expo_id, status, updated_at);
CREATE INDEX exhibitor_applications_applicant ON exhibitor_applications(applicant_id, created_at);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications(user_id, created_at);

CREATE TABLE outbox_emails (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    attempts BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX outbox_emails_pending ON outbox_emails(sent_at, created_at);
