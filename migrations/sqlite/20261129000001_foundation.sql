-- Foundation: accounts, sessions, login throttling, roles per expo, audit log, and the
-- expo/hall/exhibitor/product skeleton the landing page shows.
-- Ids are UUIDv7 text made in Rust; times are UTC milliseconds (BIGINT); multilingual text is JSON.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    company TEXT,
    country TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

CREATE TABLE expos (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    tagline TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE halls (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    industry TEXT NOT NULL,
    position BIGINT NOT NULL,
    UNIQUE (expo_id, slug)
);

CREATE TABLE exhibitors (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    hall_id TEXT REFERENCES halls(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX exhibitors_hall ON exhibitors(hall_id);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX products_exhibitor ON products(exhibitor_id);

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    exhibitor_id TEXT REFERENCES exhibitors(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, expo_id, role)
);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    result TEXT NOT NULL,
    source_ip TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
