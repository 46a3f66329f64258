-- Who is online on which node, for nodes sharing a PostgreSQL database (one SQLite node keeps
-- presence in memory only). Each node writes its people's first and last connection here and
-- its heartbeat into realtime_nodes; a node not heard from for a minute is forgotten with its
-- rows.
CREATE TABLE realtime_nodes (
    node TEXT PRIMARY KEY,
    seen_at BIGINT NOT NULL
);
CREATE TABLE realtime_presence (
    node TEXT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (node, user_id)
);
