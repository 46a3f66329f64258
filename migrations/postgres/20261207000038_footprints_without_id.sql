-- Raw footprints are never read one at a time: housekeeping deletes them by age and an opt-out
-- deletes a person's all at once. They need no id of their own, and a text key's index cost
-- every event a second B-tree insert.
ALTER TABLE footprints DROP COLUMN id;
