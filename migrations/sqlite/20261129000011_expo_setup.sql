-- Expo setup: the window in which exhibitors may apply (inclusive ISO dates; NULL: no limit
-- on that side, and never after the expo's last day).
ALTER TABLE expos ADD COLUMN applications_open TEXT;
ALTER TABLE expos ADD COLUMN applications_close TEXT;
