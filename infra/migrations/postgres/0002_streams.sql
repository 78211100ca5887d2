-- Durable streams. Events are appended to stream_event, numbered 1, 2, 3, ... per stream (seq) by the provider
-- that writes the stream; event_id is unique per provider, so a republished id is recognised. Explicit grain
-- subscriptions live in stream_subscription (implicit ones come from grain classes). Each durable subscriber's
-- progress is its checkpoint: the last seq delivered or dead-lettered. An event that kept failing past the retry
-- deadline is copied to stream_dead_letter with the error, and its subscriber moves on.
CREATE TABLE IF NOT EXISTS stream_event (
    service_id  text        NOT NULL,
    provider    text        NOT NULL,
    stream_ns   text        NOT NULL,
    stream_key  text        NOT NULL,
    seq         bigint      NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    payload     text        NOT NULL,
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, provider, stream_ns, stream_key, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS stream_event_by_id ON stream_event (service_id, provider, event_id);

CREATE TABLE IF NOT EXISTS stream_subscription (
    service_id text        NOT NULL,
    provider   text        NOT NULL,
    stream_ns  text        NOT NULL,
    stream_key text        NOT NULL,
    handle_id  text        NOT NULL,
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, provider, stream_ns, stream_key, handle_id)
);

CREATE TABLE IF NOT EXISTS stream_checkpoint (
    service_id text        NOT NULL,
    provider   text        NOT NULL,
    stream_ns  text        NOT NULL,
    stream_key text        NOT NULL,
    handle_id  text        NOT NULL,
    seq        bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, provider, stream_ns, stream_key, handle_id)
);

CREATE TABLE IF NOT EXISTS stream_dead_letter (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id  text        NOT NULL,
    provider    text        NOT NULL,
    stream_ns   text        NOT NULL,
    stream_key  text        NOT NULL,
    seq         bigint      NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    payload     text        NOT NULL,
    handle_id   text        NOT NULL,
    subscriber  text        NOT NULL,
    attempts    integer     NOT NULL,
    error       text        NOT NULL,
    dead_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS stream_dead_letter_by_provider ON stream_dead_letter (service_id, provider, id);
