-- How many people watch each broadcast now (written every few seconds by the node relaying it,
-- back to 0 when it ends), and the most people watching the expo's broadcasts at once per day
-- of the expo (its own time zone): the organizer's live counters read both.
ALTER TABLE live_streams ADD COLUMN viewers_now BIGINT NOT NULL DEFAULT 0;
CREATE TABLE live_viewer_peaks (
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    viewers BIGINT NOT NULL,
    PRIMARY KEY (expo_id, day)
);

-- Whether the home page shows the expo's headline figures (visitors today and in all, people
-- online, broadcast viewers), live; the organizer switches it on from the live counters.
ALTER TABLE expos ADD COLUMN public_counters BIGINT NOT NULL DEFAULT 0;
