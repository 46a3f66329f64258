-- Surveys (clause 3.3.1): written by an expo's organizers in one or more languages (title,
-- introduction and questions as JSON), sent to an audience after the show or after meetings.
-- One invitation and at most one answer per person and survey (the primary keys).
CREATE TABLE surveys (
    id TEXT PRIMARY KEY,
    expo_id TEXT NOT NULL REFERENCES expos(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    questions TEXT NOT NULL,
    audience TEXT NOT NULL,
    hall_id TEXT REFERENCES halls(id) ON DELETE SET NULL,
    trigger_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    opened_at BIGINT
);
CREATE INDEX surveys_expo ON surveys(expo_id, created_at);

CREATE TABLE survey_invites (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    meeting_id TEXT,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (survey_id, user_id)
);
CREATE INDEX survey_invites_user ON survey_invites(user_id);

CREATE TABLE survey_answers (
    survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answers TEXT NOT NULL,
    locale TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (survey_id, user_id)
);
