-- Translations of chat messages by the configured provider, kept per message and language so
-- a message is sent to the provider once per language. Forgotten when the message changes.
CREATE TABLE chat_translations (
    message_id BIGINT NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, locale)
);
