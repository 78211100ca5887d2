-- Durable streams. Events are appended to stream_event, numbered 1, 2, 3, ... per stream (seq) by the provider
-- that writes the stream; event_id is unique per provider, so a republished id is recognised. Explicit grain
-- subscriptions live in stream_subscription (implicit ones come from grain classes). Each durable subscriber's
-- progress is its checkpoint: the last seq delivered or dead-lettered. An event that kept failing past the retry
-- deadline is copied to stream_dead_letter with the error, and its subscriber moves on.
CREATE TABLE IF NOT EXISTS stream_event (
    service_id  TEXT    NOT NULL,
    provider    TEXT    NOT NULL,
    stream_ns   TEXT    NOT NULL,
    stream_key  TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    event_id    TEXT    NOT NULL,
    event_type  TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    enqueued_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, provider, stream_ns, stream_key, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS stream_event_by_id ON stream_event (service_id, provider, event_id);

CREATE TABLE IF NOT EXISTS stream_subscription (
    service_id TEXT    NOT NULL,
    provider   TEXT    NOT NULL,
    stream_ns  TEXT    NOT NULL,
    stream_key TEXT    NOT NULL,
    handle_id  TEXT    NOT NULL,
    grain_type TEXT    NOT NULL,
    grain_key  TEXT    NOT NULL,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, provider, stream_ns, stream_key, handle_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS stream_checkpoint (
    service_id TEXT    NOT NULL,
    provider   TEXT    NOT NULL,
    stream_ns  TEXT    NOT NULL,
    stream_key TEXT    NOT NULL,
    handle_id  TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, provider, stream_ns, stream_key, handle_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS stream_dead_letter (
    id          INTEGER PRIMARY KEY,
    service_id  TEXT    NOT NULL,
    provider    TEXT    NOT NULL,
    stream_ns   TEXT    NOT NULL,
    stream_key  TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    event_id    TEXT    NOT NULL,
    event_type  TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    handle_id   TEXT    NOT NULL,
    subscriber  TEXT    NOT NULL,
    attempts    INTEGER NOT NULL,
    error       TEXT    NOT NULL,
    dead_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS stream_dead_letter_by_provider ON stream_dead_letter (service_id, provider, id);
