-- Documents an applicant attaches to an exhibitor application (business licence,
-- certificates): the bytes live in the object store under `applications/<application>/<id>`.
CREATE TABLE application_documents (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES exhibitor_applications(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL,
    uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX application_documents_application ON application_documents(application_id, created_at);
