-- Search: every change to what the search index holds is noted by triggers (so no write path can
-- forget it), and each server's index follows the notes within a second. Searches are recorded.

CREATE TABLE search_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX search_changes_at ON search_changes(at);

CREATE TRIGGER search_products_insert AFTER INSERT ON products BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('product', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER search_products_update AFTER UPDATE ON products BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('product', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER search_products_delete AFTER DELETE ON products BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('product', OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER search_exhibitors_insert AFTER INSERT ON exhibitors BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('exhibitor', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER search_exhibitors_update AFTER UPDATE ON exhibitors BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('exhibitor', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER search_exhibitors_delete AFTER DELETE ON exhibitors BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('exhibitor', OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER search_booths_insert AFTER INSERT ON booths BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('exhibitor', NEW.exhibitor_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER search_booths_update AFTER UPDATE OF code, hall_id, exhibitor_id ON booths BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('exhibitor', NEW.exhibitor_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER search_booths_delete AFTER DELETE ON booths BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('exhibitor', OLD.exhibitor_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

-- Only a new name matters (halls are also "updated" to take their row lock).
CREATE TRIGGER search_halls_update AFTER UPDATE OF name, slug, industry ON halls BEGIN
    INSERT INTO search_changes (kind, item_id, at)
    VALUES ('hall', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TABLE search_queries (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    query TEXT NOT NULL,
    filters TEXT NOT NULL,
    result_count BIGINT NOT NULL,
    locale TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    visitor_id TEXT NOT NULL
);
CREATE INDEX search_queries_expo_at ON search_queries(expo_id, at);
