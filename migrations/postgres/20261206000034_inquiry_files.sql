-- Files attached to inquiries: drawings, specifications, price lists (a picture or a PDF),
-- stored by the media pipeline under media/<id>/<variant> and readable only by the inquiry's
-- buyer and its booth's team. A file chosen on the inquiry form belongs to its uploader until
-- the inquiry is sent (inquiry_id NULL); such uploads are removed after a day.
CREATE TABLE inquiry_files (
    id TEXT PRIMARY KEY,
    inquiry_id TEXT REFERENCES inquiries(id) ON DELETE CASCADE,
    uploaded_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL,
    name TEXT NOT NULL,
    width BIGINT,
    height BIGINT,
    variants TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX inquiry_files_inquiry ON inquiry_files(inquiry_id, created_at);
CREATE INDEX inquiry_files_uploader ON inquiry_files(uploaded_by, created_at);
